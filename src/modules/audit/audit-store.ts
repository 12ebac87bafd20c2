// The audit log (audit_log): append-only; read newest first, always within one tenant.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { auditLog } from '../../infra/db/schema.js';
import { decodeIdCursor, toIdPage, type Page } from '../../shared/id-cursor.js';

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
};

const toEntry = (row: typeof auditLog.$inferSelect): AuditEntry => ({ ...row, actorType: row.actorType as ActorType });

export type AuditStore = ReturnType<typeof createAuditStore>;

export function createAuditStore() {
  return {
    async insert(ex: Executor, entry: NewAuditEntry): Promise<void> {
      await ex.insert(auditLog).values(entry);
    },

    /** `from` is inclusive, `to` exclusive. */
    async list(ex: Executor, tenantId: string, query: AuditQuery): Promise<Page<AuditEntry>> {
      const conditions: Array<SQL | undefined> = [
        eq(auditLog.tenantId, tenantId),
        query.actorId === undefined ? undefined : eq(auditLog.actorId, query.actorId),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.targetType === undefined ? undefined : eq(auditLog.targetType, query.targetType),
        query.targetId === undefined ? undefined : eq(auditLog.targetId, query.targetId),
        query.from === undefined ? undefined : gte(auditLog.at, query.from),
        query.to === undefined ? undefined : lt(auditLog.at, query.to),
        query.cursor === undefined ? undefined : lt(auditLog.id, decodeIdCursor(query.cursor)),
      ];
      const rows = await ex.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(query.limit + 1);
      return toIdPage(rows, query.limit, toEntry);
    },
  };
}
