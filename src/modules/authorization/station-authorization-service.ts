// Per-station authorization settings (authorization cache C10-C12, local list enabled) and
// ClearCache (C11; 1.6 ClearCache). Settings are stored, then applied to the station when it is
// connected, and applied again each time it connects, so offline stations get them too.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { CallOutcome } from '../../protocol/call-outcome.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { LocalListStore, SettingsPatch, StationAuthorizationSettings } from './local-list-store.js';
import { emptySettings } from './local-list-service.js';
import { applySettings, type AuthorizationSetting, type SettingResult, commandCaller } from './station-calls.js';
import type { StationCommands, StationDirectory, StationPresence } from './station-ports.js';

export type SettingsChange = {
  settings: StationAuthorizationSettings;
  /** The station's answer per changed setting; empty when nothing had to be sent, null when it is offline (applied when it connects). */
  applied: SettingResult[] | null;
};

export class StationAuthorizationService {
  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly lists: LocalListStore,
    private readonly stations: StationDirectory,
    private readonly commands: StationCommands,
    private readonly presence: StationPresence,
    private readonly log: Logger,
  ) {}

  async getSettings(tenantId: string, stationId: string): Promise<StationAuthorizationSettings> {
    await this.stations.get(tenantId, stationId);
    return (await this.lists.getSettings(this.db, tenantId, stationId)) ?? emptySettings(stationId);
  }

  /** Stores the settings given and, when the station is connected, applies them and reports its answers. */
  async updateSettings(tenantId: string, stationId: string, patch: SettingsPatch, requestedBy: string | null): Promise<SettingsChange> {
    const station = await this.stations.get(tenantId, stationId);
    const settings = await this.commits.run((tx) => this.lists.saveSettings(tx, tenantId, stationId, patch));
    if (!station.ocppVersion || !this.presence.isConnected(stationId)) return { settings, applied: null };
    const changes: Array<{ setting: AuthorizationSetting; enabled: boolean }> = [];
    if (patch.authCacheEnabled !== undefined && patch.authCacheEnabled !== null) changes.push({ setting: 'authCacheEnabled', enabled: patch.authCacheEnabled });
    if (patch.localListEnabled !== undefined) changes.push({ setting: 'localListEnabled', enabled: patch.localListEnabled });
    const applied = await applySettings(commandCaller(this.commands, tenantId, stationId, requestedBy), station.ocppVersion, changes);
    return { settings, applied };
  }

  /**
   * After a station connects: applies what an operator set explicitly. A null cache setting leaves
   * the station's own alone; localListEnabled is applied when true (false is also the default of
   * stations nobody configured, so it is only sent when set through the API). `settings`: what
   * the connection follower read once for this connection (null: nobody configured the station),
   * with the station's version it read beside them.
   */
  async stationConnected(tenantId: string, stationId: string, settings: StationAuthorizationSettings | null, ocppVersion: OcppVersion | null): Promise<void> {
    if (!settings) return;
    const changes: Array<{ setting: AuthorizationSetting; enabled: boolean }> = [];
    if (settings.authCacheEnabled !== null) changes.push({ setting: 'authCacheEnabled', enabled: settings.authCacheEnabled });
    if (settings.localListEnabled) changes.push({ setting: 'localListEnabled', enabled: true });
    if (changes.length === 0 || !ocppVersion) return;
    const results = await applySettings(commandCaller(this.commands, tenantId, stationId, 'system:authorization-settings'), ocppVersion, changes);
    const refused = results.filter((result) => result.status !== 'Accepted');
    if (refused.length > 0) this.log.warn({ stationId, refused }, 'station did not accept its authorization settings');
  }

  /** C11 / 1.6 ClearCache: the outcome as the station gave it (TC_C_37/38_CSMS, TC_061_CSMS). */
  async clearCache(tenantId: string, stationId: string, requestedBy: string | null): Promise<CallOutcome> {
    await this.stations.get(tenantId, stationId);
    return commandCaller(this.commands, tenantId, stationId, requestedBy)('ClearCache', {});
  }

}
