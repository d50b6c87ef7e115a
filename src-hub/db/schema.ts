/** The hub's tables (kysely types; snake_case in SQL, camelCase here through CamelCasePlugin). */
import type { Generated } from 'kysely';

export interface HubMetaTable {
  key: string;
  value: string;
}

export interface HubBranchTable {
  id: Generated<number>;
  bank: string;
  name: string;
  createdAt: string;
}

export interface HubEnrollmentTable {
  codeHash: string;
  branchId: number;
  createdAt: string;
  expiresAt: string;
  usedBy: string | null;
  usedAt: string | null;
}

export interface HubDeviceTable {
  id: string;
  branchId: number;
  name: string;
  publicKey: string;
  tokenHash: string;
  enrolledAt: string;
  /** The highest sequence number applied for this device (0: none yet). */
  lastSeq: number;
  lastSeenAt: string | null;
  revoked: number;
}

export interface HubLibraryVersionTable {
  version: number;
  issuer: string;
  issuedAt: string;
  publishedAt: string;
  inserted: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
  total: number;
}

export interface HubProjectTable {
  id: string;
  /** The library version this project last changed in. */
  version: number;
  status: string;
  /** The Project (shared/domain/project.ts) as JSON. */
  data: string;
}

export interface HubProjectVersionTable {
  projectId: string;
  version: number;
  data: string;
  changed: string;
}

export interface HubModelTable {
  seq: Generated<number>;
  id: string;
  kind: string;
  /** null: every bank's devices may use it; otherwise only that bank's. */
  bank: string | null;
  document: string;
  activate: number;
  publishedAt: string;
}

export interface HubPushTable {
  /** The hub's own order of arrival (never a device clock). */
  hubSeq: Generated<number>;
  deviceId: string;
  seq: number;
  hash: string;
  kind: string;
  entityId: string;
  status: string;
  code: string | null;
  message: string | null;
  path: string | null;
  payload: string;
  deviceCreatedAt: string;
  receivedAt: string;
  /** 'push' or 'file' (an offline outbox file). */
  via: string;
}

export interface HubRecordTable {
  deviceId: string;
  kind: string;
  entityId: string;
  bank: string;
  branchId: number;
  state: string;
  deviceSeq: number;
  hubSeq: number;
  /** 1 when the hub recomputed what it could (scores) and it matched. */
  verified: number;
  updatedAt: string;
}

export interface HubDatabase {
  hubMeta: HubMetaTable;
  hubBranch: HubBranchTable;
  hubEnrollment: HubEnrollmentTable;
  hubDevice: HubDeviceTable;
  hubLibraryVersion: HubLibraryVersionTable;
  hubProject: HubProjectTable;
  hubProjectVersion: HubProjectVersionTable;
  hubModel: HubModelTable;
  hubPush: HubPushTable;
  hubRecord: HubRecordTable;
}
