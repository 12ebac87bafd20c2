import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Hashes for secrets at rest. Format: `scrypt$N$r$p$salt$hash` (base64url), so parameters can be
 * raised later without invalidating stored hashes.
 *
 * Station passwords are machine-generated, 16-40 characters (OCPP 2.0.1 A00.FR.205), and a
 * reconnect storm verifies thousands of them at once, so they use a light cost: their entropy,
 * not the hash cost, is what defeats guessing (see docs/adr/004-station-password-hashing.md).
 */
export type HashCost = { N: number; r: number; p: number };

export const STATION_PASSWORD_COST: HashCost = { N: 1024, r: 8, p: 1 };

const KEY_LENGTH = 32;

export async function hashSecret(secret: string, cost: HashCost = STATION_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(secret: string, salt: Buffer, cost: HashCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
