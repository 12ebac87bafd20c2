// The log of commands sent to stations (station_commands): what was asked, by whom, the answer,
// and for remote start/stop what it finally led to.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { stationCommands } from '../../infra/db/schema.js';
import { DomainError } from '../../shared/domain-error.js';

export type CommandRecord = {
  id: string;
  tenantId: string;
  stationId: string;
  action: string;
  payload: unknown;
  outcome: string | null;
  response: unknown;
  requestedBy: string | null;
  sessionId: string | null;
  remoteStartId: number | null;
  sentAt: Date;
  answeredAt: Date | null;
  finalOutcome: string | null;
  finalDetail: string | null;
  finalAt: Date | null;
};

export type NewCommand = Pick<CommandRecord, 'tenantId' | 'stationId' | 'action' | 'payload' | 'requestedBy' | 'sessionId' | 'remoteStartId' | 'sentAt'>;

type Row = typeof stationCommands.$inferSelect;

function toRecord(row: Row): CommandRecord {
  return { ...row, id: row.id.toString() };
}

export function createCommandLogStore() {
  return {
    async insert(ex: Executor, command: NewCommand): Promise<string> {
      const [row] = await ex.insert(stationCommands).values(command).returning({ id: stationCommands.id });
      return row!.id.toString();
    },

    async recordAnswer(ex: Executor, id: string, outcome: string, response: unknown, at: Date): Promise<void> {
      await ex.update(stationCommands).set({ outcome, response: response ?? null, answeredAt: at }).where(eq(stationCommands.id, BigInt(id)));
    },

    async recordFinal(ex: Executor, id: string, final: { outcome: string; detail: string | null; sessionId?: string | null; at: Date }): Promise<void> {
      await ex.update(stationCommands).set({
        finalOutcome: final.outcome,
        finalDetail: final.detail,
        finalAt: final.at,
        ...(final.sessionId ? { sessionId: final.sessionId } : {}),
      }).where(eq(stationCommands.id, BigInt(id)));
    },

    async get(ex: Executor, tenantId: string, id: string): Promise<CommandRecord | null> {
      if (!/^[1-9][0-9]{0,18}$/.test(id)) return null;
      const [row] = await ex.select().from(stationCommands).where(and(eq(stationCommands.tenantId, tenantId), eq(stationCommands.id, BigInt(id))));
      return row ? toRecord(row) : null;
    },

    /** Newest first; the cursor is the last id of the previous page. */
    async listForStation(ex: Executor, tenantId: string, stationId: string, query: { limit: number; cursor?: string | null }): Promise<{ items: CommandRecord[]; nextCursor: string | null }> {
      if (query.cursor && !/^[1-9][0-9]{0,18}$/.test(query.cursor)) throw new DomainError('invalid_cursor', 'Invalid pagination cursor');
      const rows = await ex.select().from(stationCommands)
        .where(and(
          eq(stationCommands.tenantId, tenantId),
          eq(stationCommands.stationId, stationId),
          query.cursor ? lt(stationCommands.id, BigInt(query.cursor)) : undefined,
        ))
        .orderBy(desc(stationCommands.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(toRecord);
      return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
    },
  };
}

export type CommandLogStore = ReturnType<typeof createCommandLogStore>;
