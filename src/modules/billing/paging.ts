// Keyset pages of finance listings (CDRs, invoices, payments): fetch limit + 1 rows, newest first;
// the cursor is the id of the last row returned.
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
