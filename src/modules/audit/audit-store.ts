// The audit log (audit_log): append-only; read newest first, always within one tenant.
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { auditLog } from '../../infra/db/schema.js';
import type { Page } from '../../shared/id-cursor.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

export type ActorType = 'api-key' | 'user' | 'system';

export type AuditEntry = {
  id: bigint;
  /** null for platform-level actions. */
  tenantId: string | null;
  actorType: ActorType;
  actorId: string | null;
  /** `<METHOD> <route pattern>` for API calls, e.g. `POST /api/v1/stations/:id/reset`. */
  action: string;
  targetType: string | null;
  targetId: string | null;
  at: Date;
  remoteAddress: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
};

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export type AuditQuery = {
  limit: number;
  cursor?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** `?sort=` (AUDIT_SORT); default newest first. */
  sort?: string | undefined;
};

type Row = typeof auditLog.$inferSelect;

/** The audit list's `?sort=` fields (ADR 037). `at` is written from a Date (whole milliseconds). */
export const AUDIT_SORT: Sortable<Row> = {
  fields: {
    id: { column: auditLog.id, kind: 'bigint', valueOf: (row) => row.id },
    at: { column: auditLog.at, kind: 'timestamp-ms', valueOf: (row) => row.at },
    action: { column: auditLog.action, kind: 'text', valueOf: (row) => row.action },
    actorId: { column: sql`coalesce(${auditLog.actorId}, '')`, kind: 'text', valueOf: (row) => row.actorId ?? '' },
    targetType: { column: sql`coalesce(${auditLog.targetType}, '')`, kind: 'text', valueOf: (row) => row.targetType ?? '' },
  },
  id: { column: auditLog.id, kind: 'bigint', valueOf: (row) => row.id },
  defaultSort: '-id',
};

const toEntry = (row: Row): AuditEntry => ({ ...row, actorType: row.actorType as ActorType });

export type AuditStore = ReturnType<typeof createAuditStore>;

export function createAuditStore() {
  return {
    async insert(ex: Executor, entry: NewAuditEntry): Promise<void> {
      await ex.insert(auditLog).values(entry);
    },

    /** `from` is inclusive, `to` exclusive. */
    async list(ex: Executor, tenantId: string, query: AuditQuery): Promise<Page<AuditEntry>> {
      const sort = parseSort(AUDIT_SORT, query.sort);
      const conditions: Array<SQL | undefined> = [
        eq(auditLog.tenantId, tenantId),
        query.actorId === undefined ? undefined : eq(auditLog.actorId, query.actorId),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.targetType === undefined ? undefined : eq(auditLog.targetType, query.targetType),
        query.targetId === undefined ? undefined : eq(auditLog.targetId, query.targetId),
        query.from === undefined ? undefined : gte(auditLog.at, query.from),
        query.to === undefined ? undefined : lt(auditLog.at, query.to),
        afterCursor(sort, query.cursor),
      ];
      const rows = await ex.select().from(auditLog).where(and(...conditions)).orderBy(...sortOrder(sort)).limit(query.limit + 1);
      const page = keysetPage(rows, query.limit, sort);
      return { items: page.rows.map(toEntry), nextCursor: page.nextCursor };
    },
  };
}
