/**
 * Ed25519 signing keys and SHA-256, for what a device signs (its enrolment proof, its outbox files, later its
 * submission bundles) and what the hub and `greendesk verify` check.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json.js';

export interface SigningKey {
  /** PEM, SPKI. */
  publicKey: string;
  /** PEM, PKCS#8. */
  privateKey: string;
}

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

export function signText(privateKeyPem: string, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKeyPem).toString('base64');
}

/** False for a bad signature, a malformed key or a key that is not Ed25519. */
export function verifyText(publicKeyPem: string, text: string, signatureB64: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** The first 16 hex digits of SHA-256 over the key's DER: a short, stable name for a public key. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash a saved score or check carries of its input: SHA-256 of its RFC 8785 canonical JSON. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
