/**
 * This device as the hub knows it: a random id and an Ed25519 signing key made on first use (kept in the
 * settings table), the hub's address, and — once enrolled — the device token and where the hub placed it
 * (bank, branch). The token is what authenticates every call; the key signs the enrolment proof and the offline
 * outbox files.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import type { DeviceInfo } from '../../../shared/sync/protocol.js';
import { generateSigningKey, keyIdOf } from '../../../src-node/signing.js';
import { deleteSettingIn, putSettingIn } from '../../db/mutations/settings.js';
import { settingOf } from '../../db/queries/settings.js';

export const KEYS = {
  deviceId: 'device.id',
  deviceName: 'device.name',
  publicKey: 'device.publicKey',
  privateKey: 'device.privateKey',
  hubUrl: 'hub.url',
  token: 'hub.token',
  hubDevice: 'hub.device',
  modelsCursor: 'sync.modelsCursor',
} as const;

export interface DeviceIdentity {
  deviceId: string;
  deviceName: string;
  publicKey: string;
  privateKey: string;
  keyId: string;
}

/** The device's id and signing key, made (once, in one transaction) when first asked for. */
export function deviceIdentity(conn: BetterSqlite3.Database): DeviceIdentity {
  const read = () => ({
    deviceId: settingOf(conn, KEYS.deviceId),
    deviceName: settingOf(conn, KEYS.deviceName),
    publicKey: settingOf(conn, KEYS.publicKey),
    privateKey: settingOf(conn, KEYS.privateKey),
  });
  let s = read();
  if (!s.deviceId || !s.publicKey || !s.privateKey) {
    conn
      .transaction(() => {
        s = read();
        if (s.deviceId && s.publicKey && s.privateKey) return;
        const key = generateSigningKey();
        putSettingIn(conn, KEYS.deviceId, randomUUID());
        putSettingIn(conn, KEYS.publicKey, key.publicKey);
        putSettingIn(conn, KEYS.privateKey, key.privateKey);
        if (!s.deviceName) putSettingIn(conn, KEYS.deviceName, hostname().slice(0, 100) || 'GreenDesk');
      })
      .immediate();
    s = read();
  }
  return { deviceId: s.deviceId!, deviceName: s.deviceName ?? 'GreenDesk', publicKey: s.publicKey!, privateKey: s.privateKey!, keyId: keyIdOf(s.publicKey!) };
}

/** An http(s) URL without a trailing slash, or HUB_URL_INVALID. */
export function normalizeHubUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw new AppError('HUB_URL_INVALID', { path: 'hubUrl', params: { value: value.slice(0, 100) } });
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.search || u.hash) {
    throw new AppError('HUB_URL_INVALID', { path: 'hubUrl', params: { value: value.slice(0, 100) } });
  }
  return u.toString().replace(/\/+$/, '');
}

export interface HubConnection {
  url: string | null;
  token: string | null;
  device: DeviceInfo | null;
}

export function hubConnection(conn: BetterSqlite3.Database): HubConnection {
  const device = settingOf(conn, KEYS.hubDevice);
  return { url: settingOf(conn, KEYS.hubUrl) ?? null, token: settingOf(conn, KEYS.token) ?? null, device: device ? (JSON.parse(device) as DeviceInfo) : null };
}

/** A new hub address. Moving to another hub forgets the enrolment (its token means nothing there). */
export function setHubUrl(conn: BetterSqlite3.Database, url: string): string {
  const normalized = normalizeHubUrl(url);
  conn
    .transaction(() => {
      if (settingOf(conn, KEYS.hubUrl) !== normalized) {
        deleteSettingIn(conn, KEYS.token);
        deleteSettingIn(conn, KEYS.hubDevice);
        deleteSettingIn(conn, KEYS.modelsCursor);
      }
      putSettingIn(conn, KEYS.hubUrl, normalized);
    })
    .immediate();
  return normalized;
}

export function saveEnrollment(conn: BetterSqlite3.Database, token: string, device: DeviceInfo): void {
  conn
    .transaction(() => {
      putSettingIn(conn, KEYS.token, token);
      putSettingIn(conn, KEYS.hubDevice, JSON.stringify(device));
    })
    .immediate();
}

export function setDeviceName(conn: BetterSqlite3.Database, name: string): void {
  putSettingIn(conn, KEYS.deviceName, name.trim().slice(0, 100));
}
