// `?sort=` on list endpoints with keyset pagination (ADR 037). A resource declares an allow-list of
// sortable fields (an SQL expression that is never null, plus how to read it from a row) and its id
// as the tie-break. Pages are ordered by (field, id) in one direction and continue after the
// cursor's (value, id) with a row comparison, so paging is stable while rows are added. The cursor
// carries the sort it was made under: a cursor from another sort is refused, never misread.
import { Type } from '@sinclair/typebox';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { DomainError } from '../shared/domain-error.js';
import { ApiError } from './problem.js';

/**
 * How a value is compared and carried in a cursor. `timestamp` columns stored with microseconds are
 * compared truncated to the millisecond a JavaScript Date (and so a cursor) holds; `timestamp-ms`
 * columns only ever hold whole milliseconds (set from a Date) and are compared as they are, which
 * keeps an index on them usable.
 */
export type SortKind = 'text' | 'timestamp' | 'timestamp-ms' | 'integer' | 'bigint' | 'decimal' | 'number' | 'boolean';

type CursorValue = string | number | boolean;

export type SortField<Row> = {
  column: SQL | AnyColumn;
  kind: SortKind;
  /** The row's value of `column` (mirror any coalesce in it). */
  valueOf: (row: Row) => string | number | boolean | bigint | Date | null;
};

export type Sortable<Row, Field extends string = string> = {
  fields: Record<Field, SortField<Row>>;
  /** The unique tie-break (the id). */
  id: SortField<Row>;
  /** The sort without `?sort=`, e.g. `-createdAt`. */
  defaultSort: string;
};

export type ActiveSort<Row> = { text: string; field: SortField<Row>; descending: boolean; id: SortField<Row> };

/** The `sort` query parameter, documented with its allowed values (validated by parseSort: 422, not 400). */
export function sortParameter(sortable: Sortable<never> | { fields: Record<string, unknown>; defaultSort: string }) {
  const names = Object.keys(sortable.fields);
  return Type.Optional(Type.String({
    maxLength: 64,
    description: `Sort by one field, ascending, or descending with a leading "-". One of: ${names.join(', ')}. Default ${sortable.defaultSort}. A cursor is valid only with the sort it was made under.`,
    examples: [sortable.defaultSort],
  }));
}

export function parseSort<Row>(sortable: Sortable<Row>, raw: string | undefined): ActiveSort<Row> {
  const text = raw === undefined || raw === '' ? sortable.defaultSort : raw;
  const descending = text.startsWith('-');
  const name = descending ? text.slice(1) : text;
  const field = Object.hasOwn(sortable.fields, name) ? (sortable.fields as Record<string, SortField<Row>>)[name] : undefined;
  if (!field) {
    const allowed = Object.keys(sortable.fields);
    throw new ApiError('invalid_sort', `Cannot sort by "${text}"; allowed: ${allowed.join(', ')} (prefix "-" for descending)`, { allowed });
  }
  return { text: `${descending ? '-' : ''}${name}`, field, descending, id: sortable.id };
}

/** The condition that continues after the cursor (undefined without one). */
export function afterCursor<Row>(sort: ActiveSort<Row>, cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const { value, id } = decodeCursor(sort, cursor);
  const left = sql`(${comparable(sort.field)}, ${sort.id.column})`;
  const right = sql`(${typed(sort.field.kind, value)}, ${typed(sort.id.kind, id)})`;
  return sort.descending ? sql`${left} < ${right}` : sql`${left} > ${right}`;
}

export function sortOrder<Row>(sort: ActiveSort<Row>): SQL[] {
  const direction = sort.descending ? sql`desc` : sql`asc`;
  return [sql`${comparable(sort.field)} ${direction}`, sql`${sort.id.column} ${direction}`];
}

/** The page of `limit` rows out of `limit + 1` fetched, with the cursor of its last row when more follow. */
export function keysetPage<Row>(rows: Row[], limit: number, sort: ActiveSort<Row>): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(sort, last) : null };
}

function encodeCursor<Row>(sort: ActiveSort<Row>, row: Row): string {
  const payload = [sort.text, toCursorValue(sort.field.valueOf(row)), toCursorValue(sort.id.valueOf(row))];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decodeCursor<Row>(sort: ActiveSort<Row>, cursor: string): { value: CursorValue; id: CursorValue } {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('Invalid pagination cursor');
  }
  if (!Array.isArray(payload) || payload.length !== 3) throw invalidCursor('Invalid pagination cursor');
  const [text, value, id] = payload as unknown[];
  if (text !== sort.text) throw invalidCursor(`This cursor belongs to another sort (${String(text)}); start again without a cursor`);
  if (!fits(sort.field.kind, value) || !fits(sort.id.kind, id)) throw invalidCursor('Invalid pagination cursor');
  return { value, id };
}

const invalidCursor = (detail: string) => new DomainError('invalid_cursor', detail);

function toCursorValue(value: string | number | boolean | bigint | Date | null): CursorValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value === null) throw new Error('a sort field must never be null (coalesce it)');
  return value;
}

function fits(kind: SortKind, value: unknown): value is CursorValue {
  switch (kind) {
    case 'text': return typeof value === 'string';
    case 'timestamp': case 'timestamp-ms': return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'integer': return Number.isSafeInteger(value);
    case 'bigint': return typeof value === 'string' && /^-?[0-9]{1,19}$/.test(value);
    case 'decimal': return typeof value === 'string' && /^-?[0-9]{1,30}(\.[0-9]{1,20})?$/.test(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
  }
}

function comparable<Row>(field: SortField<Row>): SQL {
  return field.kind === 'timestamp' ? sql`date_trunc('milliseconds', ${field.column})` : sql`${field.column}`;
}

function typed(kind: SortKind, value: CursorValue): SQL {
  switch (kind) {
    case 'text': return sql`${value}::text`;
    case 'timestamp': case 'timestamp-ms': return sql`${value}::timestamptz`;
    case 'integer': return sql`${value}::integer`;
    case 'bigint': return sql`${value}::bigint`;
    case 'decimal': return sql`${value}::numeric`;
    case 'number': return sql`${value}::double precision`;
    case 'boolean': return sql`${value}::boolean`;
  }
}
