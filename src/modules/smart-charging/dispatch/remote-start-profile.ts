// The TxProfile a remote start carries (1.6 RemoteStartTransaction.chargingProfile, 2.x
// RequestStartTransaction.chargingProfile, K05): the EV starts at a limit the site can take
// before the first re-allocation reaches the station. The limit is the allocator's for that EVSE
// with the new session added to the site's latest allocation input, but never above the EVSE's
// installed fallback: the other EVSEs have not been lowered yet, and the fallback is the share of
// headroom reserved for an idle EVSE (ADR 048). Same id and stack level as the load balancer's
// TxProfile, so its first SetChargingProfile replaces it (K01.FR.05). No transactionId: the
// transaction does not exist yet.
import type { Executor } from '../../../infra/db/database.js';
import { isOcpp2x, type OcppVersion } from '../../../protocol/versions.js';
import { allocateSiteLimits } from '../allocator/index.js';
import type { AllocationInput } from '../allocator/types.js';
import { evseKey } from '../domain/energy-config.js';
import type { SmartChargingStore } from '../store.js';
import { txProfileSpec } from './profile-dispatcher.js';
import { setChargingProfilePayload } from './profile-payloads.js';

export type RemoteStartDeps = { db: Executor; store: SmartChargingStore; now: () => Date; latestInput: (tenantId: string, siteId: string) => AllocationInput | undefined };

/** The limit (A) a remote start on this EVSE may begin at, or undefined when the EVSE is not load-balanced or busy. */
export async function remoteStartLimit(deps: RemoteStartDeps, tenantId: string, stationId: string, evseId: number): Promise<number | undefined> {
  const key = evseKey(stationId, evseId);
  for (const siteId of await deps.store.sitesOfStation(deps.db, tenantId, stationId)) {
    const row = (await deps.store.listLimits(deps.db, tenantId, siteId)).find((r) => r.evseKey === key);
    if (!row || row.fallbackA === null || row.sessionId !== null) continue;
    const input = deps.latestInput(tenantId, siteId);
    if (!input || !input.topology.evses.some((e) => e.id === key)) return row.fallbackA;
    const withNew: AllocationInput = {
      ...input, now: deps.now().toISOString(),
      sessions: [...input.sessions.filter((s) => s.evseId !== key), { sessionId: 'remote-start', evseId: key, startedAt: deps.now().toISOString() }],
    };
    const allocated = allocateSiteLimits(withNew).evses.find((e) => e.evseId === key)?.limitA ?? 0;
    return Math.min(allocated, row.fallbackA);
  }
  return undefined;
}

/** The chargingProfile field of the remote start, in the station's version's shape. */
export async function remoteStartProfile(deps: RemoteStartDeps, tenantId: string, stationId: string, evseId: number, version: OcppVersion): Promise<unknown> {
  const limit = await remoteStartLimit(deps, tenantId, stationId, evseId);
  if (limit === undefined) return undefined;
  // Leased like every TxProfile: a start the station never turns into a session leaves nothing behind.
  const payload = setChargingProfilePayload(version, txProfileSpec(evseId, limit, { nowMs: deps.now().getTime(), leaseSeconds: 900 })) as Record<string, unknown>;
  return isOcpp2x(version) ? payload['chargingProfile'] : payload['csChargingProfiles'];
}
