// One local list sync of one station (D01-D03, 1.6 SendLocalList): compute what the station should
// hold, compare it with what it acknowledged, send the difference, record what it accepted.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { desiredList, diffLocalList, planUpdates, type LocalListEntry, type LocalListUpdate, type SkippedToken } from './domain/local-list.js';
import type { LocalListStore } from './local-list-store.js';
import { getLocalListVersion, sendLocalList, type CallFailure, type StationCall } from './station-calls.js';

export type SyncStatus = 'Accepted' | 'UpToDate' | 'Failed' | 'VersionMismatch' | CallFailure['status'];

export type SyncResult = {
  stationId: string;
  /** Accepted: every message was accepted; UpToDate: nothing to send; anything else: the sync stays pending. */
  status: SyncStatus;
  detail: string | null;
  /** The list version the station acknowledged after this sync. */
  version: number;
  messages: Array<{ updateType: 'Full' | 'Differential'; version: number; entries: number; status: string }>;
  skipped: SkippedToken[];
};

export type SyncOptions = {
  /** Send the whole list (operator request); also chosen when the station never acknowledged a version. */
  full: boolean;
  /** Ask the station's version first (after it connects): a different version than ours means a full update. */
  verify: boolean;
};

export type SyncDeps = {
  db: Executor;
  commits: GroupCommitter;
  lists: LocalListStore;
  events: EventPublisher;
  log: Logger;
  now: () => Date;
  maxEntriesPerMessage: number;
};

type Station = { tenantId: string; id: string; ocppVersion: OcppVersion };

export async function syncLocalList(deps: SyncDeps, station: Station, send: StationCall, options: SyncOptions): Promise<SyncResult> {
  const { tenantId, id: stationId, ocppVersion } = station;
  const settings = await deps.lists.getSettings(deps.db, tenantId, stationId);
  let acknowledged = settings?.localListVersion ?? 0;
  const { desired, skipped } = desiredList(await deps.lists.listMembers(deps.db, tenantId, stationId), ocppVersion, deps.now(), stationId);
  const messages: SyncResult['messages'] = [];
  const finish = async (status: SyncStatus, detail: string | null): Promise<SyncResult> => {
    const error = status === 'Accepted' || status === 'UpToDate' ? null : detail ? `${status}: ${detail}` : status;
    if (error !== null || settings?.localListSyncError) {
      await deps.commits.run((tx) => deps.lists.setSyncError(tx, tenantId, stationId, error));
    }
    if (error) deps.log.warn({ stationId, error }, 'local list sync left pending');
    return { stationId, status, detail, version: acknowledged, messages, skipped };
  };

  let full = options.full || acknowledged === 0;
  let base = acknowledged;
  if (options.verify) {
    const reported = await getLocalListVersion(send, ocppVersion);
    if (!reported.ok) return finish(reported.status, reported.detail);
    if (reported.listVersion === null) return finish('NotSupported', 'the station reports no local list support (version -1)');
    if (reported.listVersion !== acknowledged) full = true;
    base = Math.max(base, reported.listVersion);
  }

  let held: ReadonlyMap<string, LocalListEntry> = full ? new Map() : await deps.lists.listEntries(deps.db, tenantId, stationId);
  let plan = planUpdates(diffLocalList(desired, held), { full, fromVersion: base, maxEntriesPerMessage: deps.maxEntriesPerMessage });
  if (plan.length === 0) return finish('UpToDate', null);

  let retriedFull = false;
  for (let i = 0; i < plan.length; i += 1) {
    const update: LocalListUpdate = plan[i]!;
    const answer = await sendLocalList(send, ocppVersion, update);
    messages.push({ updateType: update.updateType, version: update.version, entries: update.upserts.length + update.removals.length, status: answer.status });
    if (answer.ok && answer.status === 'Accepted') {
      await deps.commits.run((tx) => deps.lists.recordAccepted(tx, tenantId, stationId, update, deps.now()));
      acknowledged = update.version;
      continue;
    }
    if (answer.ok && answer.status === 'VersionMismatch' && !retriedFull) {
      // The station's list is not the one we think: start again with a full update above its version.
      retriedFull = true;
      const reported = await getLocalListVersion(send, ocppVersion);
      if (!reported.ok) return finish(reported.status, reported.detail);
      held = new Map();
      plan = planUpdates(diffLocalList(desired, held), {
        full: true, fromVersion: Math.max(acknowledged, update.version, reported.listVersion ?? 0), maxEntriesPerMessage: deps.maxEntriesPerMessage,
      });
      i = -1;
      continue;
    }
    return answer.ok ? finish(answer.status, null) : finish(answer.status, answer.detail);
  }
  deps.events.publish({
    type: 'local-list.synced', tenantId, stationId, at: deps.now(),
    data: { version: acknowledged, messages: messages.length, entries: desired.size },
  });
  return finish('Accepted', null);
}
