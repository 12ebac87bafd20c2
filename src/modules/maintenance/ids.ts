// Ids that sort by creation time (newest-first listings page on the id alone) and opaque cursors.
import { randomBytes } from 'node:crypto';
import { decodeIdCursor, encodeIdCursor } from '../../api/cursor.js';

export function newId(prefix: string, now: Date): string {
  return `${prefix}_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

/** A page of rows fetched as `limit + 1`: the items and the cursor of the next page. */
export function pageOf<T extends { id: string }>(rows: readonly T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeIdCursor(items[items.length - 1]!.id) : null };
}

export function afterCursor(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : decodeIdCursor(cursor);
}
