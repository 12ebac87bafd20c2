// Random tokens and their storage form, and sealing of stored TOTP secrets.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session cookies, CSRF tokens, invitation and reset links. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** With 256 bits of entropy one SHA-256 is a sound storage form, and lookups stay one index probe. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Seals values at rest with AES-256-GCM under a key derived from `auth.secretKey`. Without a key
 * values are stored marked as plain (and a warning is logged at start), so a deployment can turn
 * encryption on later: both forms are read.
 */
export class SecretBox {
  private readonly key: Buffer | null;

  constructor(secretKey: string | undefined) {
    this.key = secretKey ? createHash('sha256').update(`chargeops-secret-box:${secretKey}`).digest() : null;
  }

  get encrypting(): boolean {
    return this.key !== null;
  }

  seal(plain: string): string {
    if (!this.key) return `plain:${plain}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `gcm:${iv.toString('base64url')}:${sealed.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}`;
  }

  open(stored: string): string {
    if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
    const [scheme, iv, sealed, tag] = stored.split(':');
    if (scheme !== 'gcm' || !iv || !sealed || !tag) throw new Error('unreadable sealed secret');
    if (!this.key) throw new Error('a sealed secret needs auth.secretKey to be read');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }
}
