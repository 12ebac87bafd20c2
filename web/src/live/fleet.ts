import { ok, api } from '../api/client.js';
import type { LiveStatus } from '../components/status.js';

export type StationSummary = { id: string; online: boolean };

/**
 * The tenant's stations (only online or offline ones when `online` is given), page by page (the
 * API pages at 500); `onPage` sees the running list, so counts can show while they grow.
 */
export async function loadAllStations(signal?: { cancelled: boolean }, online?: boolean, onPage?: (sofar: StationSummary[]) => void): Promise<StationSummary[]> {
  const all: StationSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET('/api/v1/stations', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}), ...(online === undefined ? {} : { online }) } } }));
    all.push(...page.items.map((s) => ({ id: s.id, online: s.online })));
    onPage?.(all);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && !signal?.cancelled);
  return all;
}

/** The connector statuses of one station, keyed "evse/connector" (station-level rows excluded). */
export async function loadConnectorStatuses(stationId: string): Promise<Map<string, LiveStatus>> {
  const detail = await ok(api.GET('/api/v1/stations/{id}', { params: { path: { id: stationId } } }));
  const out = new Map<string, LiveStatus>();
  for (const evse of detail.evses) {
    for (const connector of evse.connectors) {
      if (connector.status) out.set(`${evse.evseId}/${connector.connectorId}`, connector.status);
    }
    // 2.x reports per connector; an EVSE-level status only counts when no connector reported.
    if (evse.connectors.every((c) => !c.status) && evse.status) out.set(`${evse.evseId}/0`, evse.status);
  }
  return out;
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function pooled<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
