import { sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { BatchedLookup } from '../../infra/db/batched-lookup.js';
import type { ActiveSessionLookup } from '../authorization/ports.js';

/**
 * The ConcurrentTx predicate as SQL over a tenant and a token expression: a running session with the
 * token as its own or as its group token, whose token was not refused (the predicate of
 * `SessionStore.hasActiveSession`). Two EXISTS, not one with an OR, so that each probes its partial
 * index (sessions_active_token_idx, sessions_active_group_idx; ADR 110).
 */
export function activeSessionWithToken(tenant: string, token: string): string {
  const accepted = `s.status = 'active' and (s.authorization_status is null or s.authorization_status = 'Accepted')`;
  return `(exists (select 1 from sessions s where s.tenant_id = ${tenant} and s.id_token = ${token} and ${accepted})
    or exists (select 1 from sessions s where s.tenant_id = ${tenant} and s.group_id_token = ${token} and ${accepted}))`;
}

/**
 * The ConcurrentTx check for every start decision of one event-loop turn in one statement of
 * constant text (ADR 090). It stays a database read: the token may be charging at a station linked
 * to another node. The batched start runs the same check inside its own statement (ADR 110); this
 * one serves the decisions that are not written by it (retries, Authorize-then-start paths).
 */
const HEAD = 'select k.n from (select * from jsonb_to_recordset(';
// `limit`: the row count PostgreSQL cannot estimate for jsonb_to_recordset (ADR 107).
const MIDDLE = `::jsonb) as k(n integer, t text, tok text) limit `;
const TAIL = `) k where ${activeSessionWithToken('k.t', 'k.tok')}`;

/** The (tenant, token) pairs among `keys` (JSON [tenantId, idToken]) that have an accepted active session. */
export async function activeTokens(ex: Executor, keys: readonly string[]): Promise<Set<string>> {
  const rows = keys.map((key, n) => {
    const [t, tok] = JSON.parse(key) as [string, string];
    return { n, t, tok };
  });
  const result = await ex.execute(sql`${sql.raw(HEAD)}${JSON.stringify(rows)}${sql.raw(MIDDLE)}${rows.length}${sql.raw(TAIL)}`) as unknown as { rows: Array<{ n: number }> };
  return new Set(result.rows.map((row) => keys[row.n]!));
}

/**
 * The sessions module's ActiveSessionLookup for the authorization module (ConcurrentTx): a running
 * session with the token, or with a token of the group, whose token was accepted. Lookups of one
 * event-loop turn share one statement (BatchedLookup). Standalone, so the Authorizer can be built
 * before the SessionService that consumes it.
 */
export function createActiveSessionLookup(db: Executor): ActiveSessionLookup {
  const lookup = new BatchedLookup<true>(async (keys) => {
    const active = await activeTokens(db, keys);
    return new Map([...active].map((key) => [key, true as const]));
  });
  return { hasActiveSession: async (tenantId, idToken) => (await lookup.find(JSON.stringify([tenantId, idToken]))) !== null };
}
