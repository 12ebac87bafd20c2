// Opaque pagination cursors for listings ordered by a text id: base64url of the last id of the
// previous page. A cursor that this encoding did not produce is refused (400 invalid_cursor) rather
// than silently restarting the listing.
import { ApiError } from './problem.js';

export function encodeIdCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeIdCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id === '' || encodeIdCursor(id) !== cursor) throw new ApiError('invalid_cursor', 'Invalid pagination cursor');
  return id;
}
