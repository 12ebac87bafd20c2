// Pagination cursors over bigserial ids: the base64url of the last id of the previous page. Opaque
// to clients, cheap to check, and stable while rows are appended.
import { DomainError } from './domain-error.js';

export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeIdCursor(id: bigint): string {
  return Buffer.from(id.toString(), 'utf8').toString('base64url');
}

export function decodeIdCursor(cursor: string): bigint {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9][0-9]{0,18}$/.test(key) || encodeIdCursor(BigInt(key)) !== cursor) {
    throw new DomainError('invalid_cursor', 'Invalid pagination cursor');
  }
  return BigInt(key);
}

/** `rows` was fetched with limit + 1: the extra row only tells that another page exists. */
export function toIdPage<R extends { id: bigint }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
}
