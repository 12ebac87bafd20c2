// Local authorization lists per station (D01-D03; 1.6 SendLocalList / GetLocalListVersion): the
// desired membership, its sync to stations (serialized per station), and what each one holds.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { DomainError } from '../../shared/domain-error.js';
import { desiredList, entryOf, sameEntry, type LocalListEntry, type SkippedToken } from './domain/local-list.js';
import type { LocalListStore, StationAuthorizationSettings } from './local-list-store.js';
import { syncLocalList, type SyncOptions, type SyncResult } from './local-list-sync.js';
import { PerStationQueue } from './per-station-queue.js';
import { getLocalListVersion, type CallFailure, commandCaller } from './station-calls.js';
import type { StationCommands, StationDirectory, StationPresence } from './station-ports.js';
import type { TokenStore } from './token-store.js';

export type LocalListMember = {
  tokenId: string;
  idToken: string;
  /** What the station should hold for it, and whether it acknowledged exactly that. */
  entry: LocalListEntry;
  state: 'synced' | 'pending' | 'skipped';
  skippedReason: string | null;
};

export type LocalListView = {
  stationId: string;
  settings: StationAuthorizationSettings;
  members: LocalListMember[];
  /** Values the station still holds that are no longer members. */
  pendingRemovals: string[];
  pending: boolean;
};

export type MemberRef = { tokenId: string } | { idToken: string };

export type StationVersionReport = { stationVersion: number | null; supported: boolean; acknowledgedVersion: number; inSync: boolean };

export type LocalListServiceDeps = {
  db: Executor;
  commits: GroupCommitter;
  lists: LocalListStore;
  tokens: TokenStore;
  stations: StationDirectory;
  commands: StationCommands;
  presence: StationPresence;
  events: EventPublisher;
  log: Logger;
  now?: () => Date;
  /** Entries per SendLocalList (1.6 SendLocalListMaxLength, 2.x LocalAuthListCtrlr.ItemsPerMessage); 50 by default. */
  maxEntriesPerMessage?: number;
};

export const MAX_LIST_MEMBERS = 10_000;
const mergeOptions = (a: SyncOptions, b: SyncOptions): SyncOptions => ({ full: a.full || b.full, verify: a.verify || b.verify });

export class LocalListService {
  private readonly queue = new PerStationQueue<SyncOptions, SyncResult | null>(mergeOptions);
  private readonly now: () => Date;

  constructor(private readonly deps: LocalListServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async view(tenantId: string, stationId: string): Promise<LocalListView> {
    const station = await this.deps.stations.get(tenantId, stationId);
    const { db, lists } = this.deps;
    const [settings, members, held] = await Promise.all([
      lists.getSettings(db, tenantId, stationId), lists.listMembers(db, tenantId, stationId), lists.listEntries(db, tenantId, stationId),
    ]);
    const { desired, skipped } = desiredList(members, station.ocppVersion, this.now(), stationId);
    const skippedWhy = new Map(skipped.map((s) => [s.idToken, s.reason]));
    const viewMembers = members.map((token): LocalListMember => {
      const entry = entryOf(token, this.now());
      const reason = skippedWhy.get(token.idToken) ?? null;
      const heldEntry = held.get(token.idToken);
      const state = reason ? 'skipped' : heldEntry && sameEntry(heldEntry, entry) ? 'synced' : 'pending';
      return { tokenId: token.id, idToken: token.idToken, entry, state, skippedReason: reason };
    });
    const pendingRemovals = [...held.keys()].filter((idToken) => !desired.has(idToken)).sort();
    return {
      stationId,
      settings: settings ?? emptySettings(stationId),
      members: viewMembers,
      pendingRemovals,
      pending: pendingRemovals.length > 0 || viewMembers.some((m) => m.state === 'pending'),
    };
  }

  /** Makes `members` the station's desired list and, when it is connected, syncs it in the background. */
  async replaceMembers(tenantId: string, stationId: string, members: MemberRef[]): Promise<LocalListView> {
    await this.deps.stations.get(tenantId, stationId);
    if (members.length > MAX_LIST_MEMBERS) throw new DomainError('invalid_local_list', `A local list holds at most ${MAX_LIST_MEMBERS} tokens`);
    const tokenIds = await this.resolveMembers(tenantId, members);
    await this.deps.commits.run((tx) => this.deps.lists.replaceMembers(tx, tenantId, stationId, tokenIds));
    this.tokensChanged(tenantId, [stationId]);
    return this.view(tenantId, stationId);
  }

  private async resolveMembers(tenantId: string, members: MemberRef[]): Promise<string[]> {
    const byId = members.flatMap((m) => ('tokenId' in m ? [m.tokenId] : []));
    const byValue = members.flatMap((m) => ('idToken' in m ? [m.idToken] : []));
    const ids = new Set<string>();
    const existing = new Set(await this.deps.tokens.existingIds(this.deps.db, tenantId, byId));
    const unknown = byId.filter((id) => !existing.has(id));
    for (const id of existing) ids.add(id);
    const found = await this.deps.tokens.findByValues(this.deps.db, tenantId, byValue);
    const idOfValue = new Map(found.map((t) => [t.idToken.toLowerCase(), t.id]));
    for (const value of byValue) {
      const id = idOfValue.get(value.toLowerCase());
      if (id) ids.add(id);
      else unknown.push(value);
    }
    if (unknown.length > 0) throw new DomainError('invalid_local_list', `Unknown tokens: ${unknown.slice(0, 20).join(', ')}`, { unknown });
    return [...ids];
  }

  /** Sends what the station lacks now and waits for its answers. `full` resends the whole list. */
  async sync(tenantId: string, stationId: string, options: { full: boolean; requestedBy: string | null }): Promise<SyncResult> {
    const station = await this.deps.stations.get(tenantId, stationId);
    const version = station.ocppVersion;
    if (!version || !this.deps.presence.isConnected(stationId)) {
      await this.deps.commits.run((tx) => this.deps.lists.setSyncError(tx, tenantId, stationId, 'Offline: station not connected'));
      throw new DomainError('station_offline', `Station ${stationId} is not connected: the list stays pending until it connects`);
    }
    const send = commandCaller(this.deps.commands, tenantId, stationId, options.requestedBy);
    return this.queue.run(stationId, () => syncLocalList(this.syncDeps(), { tenantId, id: stationId, ocppVersion: version }, send, { full: options.full, verify: false }));
  }

  /** Member tokens of these stations changed: connected ones are synced in the background, the others when they connect. */
  tokensChanged(tenantId: string, stationIds: string[]): void {
    for (const stationId of stationIds) {
      if (this.deps.presence.isConnected(stationId)) void this.background(tenantId, stationId, { full: false, verify: false });
    }
  }

  /**
   * A station connected or booted: check its version and deliver what is pending, if it has a list
   * of ours. `settings` as the connection follower read them once for this connection; the sync
   * itself reads them again inside its own work, so a change made since is not missed.
   */
  async stationConnected(tenantId: string, stationId: string, settings: StationAuthorizationSettings | null): Promise<void> {
    const { db, lists } = this.deps;
    if (!settings) return;
    if (settings.localListVersion === 0 && (await lists.listMembers(db, tenantId, stationId)).length === 0) return;
    await this.background(tenantId, stationId, { full: false, verify: true });
  }

  private background(tenantId: string, stationId: string, options: SyncOptions): Promise<void> {
    const task = async (merged: SyncOptions): Promise<SyncResult | null> => {
      const station = await this.deps.stations.get(tenantId, stationId);
      if (!station.ocppVersion || !this.deps.presence.isConnected(stationId)) return null;
      const send = commandCaller(this.deps.commands, tenantId, stationId, 'system:local-list-sync');
      return syncLocalList(this.syncDeps(), { tenantId, id: stationId, ocppVersion: station.ocppVersion }, send, merged);
    };
    return this.queue.request(stationId, options, task)
      .then(() => undefined, (error: unknown) => this.deps.log.error({ err: error, stationId }, 'local list sync failed'));
  }

  /**
   * GetLocalListVersion: the station's own answer next to the version it acknowledged to us
   * (TC_D_08/09, TC_042_1/2). A station without local lists (1.6: -1; a NotSupported CALLERROR)
   * is reported as not supported.
   */
  async stationVersion(tenantId: string, stationId: string, requestedBy: string | null): Promise<StationVersionReport | CallFailure> {
    const station = await this.deps.stations.get(tenantId, stationId);
    if (!station.ocppVersion) return { ok: false, status: 'Offline', detail: 'station never connected' };
    const answer = await getLocalListVersion(commandCaller(this.deps.commands, tenantId, stationId, requestedBy), station.ocppVersion);
    if (!answer.ok && answer.status !== 'NotSupported') return answer;
    const listVersion = answer.ok ? answer.listVersion : null;
    const settings = await this.deps.lists.getSettings(this.deps.db, tenantId, stationId);
    const acknowledgedVersion = settings?.localListVersion ?? 0;
    return { stationVersion: listVersion, supported: listVersion !== null, acknowledgedVersion, inSync: listVersion === acknowledgedVersion };
  }

  /** Waits for syncs in flight and refuses new ones (shutdown). */
  close(): Promise<void> {
    return this.queue.close();
  }


  private syncDeps() {
    const { db, commits, lists, events, log } = this.deps;
    return { db, commits, lists, events, log, now: this.now, maxEntriesPerMessage: this.deps.maxEntriesPerMessage ?? 50 };
  }
}

export function emptySettings(stationId: string): StationAuthorizationSettings {
  return { stationId, authCacheEnabled: null, localListEnabled: false, localListVersion: 0, localListSyncedAt: null, localListSyncError: null };
}

export type { SkippedToken, SyncResult };
