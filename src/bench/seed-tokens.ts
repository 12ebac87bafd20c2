// Steady / latency: every load station presents its own token (benchTokenOf), stored as an
// Accepted ISO14443 token of the default tenant before the sessions start, so Authorize and the
// starts take the real path (token read, concurrent-session check) rather than an Invalid shortcut.
import { idTokens } from '../infra/db/schema.js';
import type { Executor } from '../infra/db/database.js';
import { benchTokenOf } from './session-station.js';

export async function seedBenchTokens(db: Executor, tenantId: string, stationIds: readonly string[]): Promise<number> {
  let stored = 0;
  for (let i = 0; i < stationIds.length; i += 1000) {
    const rows = stationIds.slice(i, i + 1000).map((stationId) => ({
      id: `bench-${stationId}`, tenantId, idToken: benchTokenOf(stationId), type: 'ISO14443', owner: 'chargeops bench',
    }));
    const inserted = await db.insert(idTokens).values(rows).onConflictDoNothing().returning({ id: idTokens.id });
    stored += inserted.length;
  }
  return stored;
}
