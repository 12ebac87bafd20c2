// Password hashing: argon2id (RFC 9106) through @node-rs/argon2, a maintained binding that ships
// prebuilt binaries in the npm package (no compiler at install). See ADR 018.
import { hash, verify, Algorithm } from '@node-rs/argon2';

/**
 * OWASP's first argon2id configuration (m = 19 MiB, t = 2, p = 1): about 20-40 ms per hash here,
 * slow for an offline attacker, cheap enough for sign-ins. Parameters live in each hash string,
 * so raising them later keeps old hashes verifiable.
 */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/**
 * Verifying against this when the email is unknown makes the unknown-email answer take as long as
 * a wrong password, so timing does not reveal which emails have accounts.
 */
let decoyHash: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoyHash, password);
  return false;
}
