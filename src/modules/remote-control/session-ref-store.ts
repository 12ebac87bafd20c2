import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { sessions } from '../../infra/db/schema.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { SessionRef, SessionRefLookup } from './service.js';

/** Reads the few session facts remote stop needs (tenant-scoped). */
export function createSessionRefLookup(db: Executor): SessionRefLookup {
  return {
    async find(tenantId, sessionId) {
      const [row] = await db.select({
        id: sessions.id, stationId: sessions.stationId, externalId: sessions.externalId, ocppVersion: sessions.ocppVersion, status: sessions.status,
      }).from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
      return row ? { ...row, ocppVersion: row.ocppVersion as OcppVersion } satisfies SessionRef : null;
    },
  };
}
