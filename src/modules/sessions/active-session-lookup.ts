import { sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { BatchedLookup } from '../../infra/db/batched-lookup.js';
import type { ActiveSessionLookup } from '../authorization/ports.js';

/**
 * The ConcurrentTx check for every start decision of one event-loop turn in one statement of
 * constant text (ADR 090): per (tenant, token) the predicate of `SessionStore.hasActiveSession`,
 * a running session with the token or with it as group token, whose token was not refused.
 * It stays a database read: the token may be charging at a station linked to another node.
 */
const HEAD = 'select k.n from jsonb_to_recordset(';
const TAIL = `::jsonb) as k(n integer, t text, tok text)
  where exists (select 1 from sessions s where s.tenant_id = k.t and s.status = 'active'
    and (s.authorization_status is null or s.authorization_status = 'Accepted') and (s.id_token = k.tok or s.group_id_token = k.tok))`;

/** The (tenant, token) pairs among `keys` (JSON [tenantId, idToken]) that have an accepted active session. */
export async function activeTokens(ex: Executor, keys: readonly string[]): Promise<Set<string>> {
  const rows = keys.map((key, n) => {
    const [t, tok] = JSON.parse(key) as [string, string];
    return { n, t, tok };
  });
  const result = await ex.execute(sql`${sql.raw(HEAD)}${JSON.stringify(rows)}${sql.raw(TAIL)}`) as unknown as { rows: Array<{ n: number }> };
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
