// The authorization settings read that follows every accepted boot and every reconnection, batched:
// all reads of one event-loop turn are answered by one query per tenant. A reconnect storm of
// 10,000 stations then costs a few dozen reads instead of one per station, each a pool round trip
// (5-7 ms on PGlite). One read per connection serves both the settings applied on connect and the
// local list check (StationConnectionFollower passes it to both; two reads until ADR 077).
import { and, eq, inArray } from 'drizzle-orm';
import { BatchedLookup } from '../../infra/db/batched-lookup.js';
import type { Executor } from '../../infra/db/database.js';
import { stationAuthorization } from '../../infra/db/schema.js';
import type { StationAuthorizationSettings } from './local-list-store.js';

const SEPARATOR = '\u0000';
const keyOf = (tenantId: string, stationId: string): string => `${tenantId}${SEPARATOR}${stationId}`;

async function loadSettings(db: Executor, keys: string[]): Promise<Map<string, StationAuthorizationSettings>> {
  const byTenant = new Map<string, string[]>();
  for (const key of keys) {
    const at = key.indexOf(SEPARATOR);
    const tenantId = key.slice(0, at);
    const ids = byTenant.get(tenantId);
    if (ids) ids.push(key.slice(at + 1));
    else byTenant.set(tenantId, [key.slice(at + 1)]);
  }
  const s = stationAuthorization;
  const found = new Map<string, StationAuthorizationSettings>();
  await Promise.all([...byTenant].map(async ([tenantId, stationIds]) => {
    const rows = await db.select().from(s).where(and(eq(s.tenantId, tenantId), inArray(s.stationId, stationIds)));
    for (const { tenantId: _tenant, ...settings } of rows) found.set(keyOf(tenantId, settings.stationId), settings);
  }));
  return found;
}

/**
 * How long a settings read waits for others to join it. The read follows a boot that was already
 * answered, so nothing waits for it but the delivery of stored settings; a storm's boots arrive
 * about one per event-loop turn, and without the wait each turn paid its own statement (ADR 099).
 */
export const SETTINGS_READ_GATHER_MS = 20;

/** Reads committed settings (never inside a transaction): for the connect path only. */
export class SettingsReads {
  private readonly lookup: BatchedLookup<StationAuthorizationSettings>;

  constructor(db: Executor, gatherMs = SETTINGS_READ_GATHER_MS) {
    this.lookup = new BatchedLookup((keys) => loadSettings(db, keys), { maxBatch: 500, gatherMs });
  }

  /** The station's stored settings, or null when nobody configured it. */
  find(tenantId: string, stationId: string): Promise<StationAuthorizationSettings | null> {
    return this.lookup.find(keyOf(tenantId, stationId));
  }
}
