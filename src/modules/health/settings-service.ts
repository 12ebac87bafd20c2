// Per-tenant health settings (rules, SLA clocks, notification lists), read often by the sweep and
// so kept in memory for a short while; an update on this node is seen at once. Concurrent misses of
// one tenant share one read (ADR 096): a sweep or a burst of events used to queue an evaluation per
// station, each reading the settings while the first read was still out.
import type { Executor } from '../../infra/db/database.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { checkSettings, mergeSettings, withDefaults, type HealthSettings, type HealthSettingsPatch } from './domain/settings.js';
import type { HealthStore } from './store.js';

/** Another node's change is seen within this long. */
const CACHE_MS = 30_000;

export class HealthSettingsService {
  private readonly cache = new Map<string, { settings: HealthSettings; readAt: number }>();
  /** The read in flight per tenant, shared by every caller that misses meanwhile. */
  private readonly reading = new Map<string, Promise<HealthSettings>>();
  /** Bumped by every update: a read that started before one answers its callers but is not kept. */
  private generation = 0;

  constructor(
    private readonly db: Executor,
    private readonly store: HealthStore,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(tenantId: string): Promise<HealthSettings> {
    const cached = this.cache.get(tenantId);
    if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.settings;
    const inFlight = this.reading.get(tenantId);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const readAt = Date.now();
    const read = this.store.settings(this.db, tenantId).then((stored) => {
      const settings = withDefaults(stored);
      if (generation === this.generation) this.cache.set(tenantId, { settings, readAt });
      return settings;
    }).finally(() => {
      if (this.reading.get(tenantId) === read) this.reading.delete(tenantId);
    });
    this.reading.set(tenantId, read);
    return read;
  }

  /** The cached settings, or null when this tenant's were not read yet (the sweep then reads them). */
  peek(tenantId: string): HealthSettings | null {
    return this.cache.get(tenantId)?.settings ?? null;
  }

  /** Deep-merges the change, validates the whole result (422 invalid_health_rules) and stores it. */
  async update(tenantId: string, patch: HealthSettingsPatch): Promise<HealthSettings> {
    const settings = checkSettings(mergeSettings(await this.get(tenantId), patch));
    const at = this.now();
    await this.store.saveSettings(this.db, tenantId, settings, at);
    this.generation += 1;
    // Later callers must not join a read that started before the save.
    this.reading.delete(tenantId);
    this.cache.set(tenantId, { settings, readAt: Date.now() });
    this.events.publish({ type: 'health.rules-updated', tenantId, at, data: { changed: Object.keys(patch) } });
    return settings;
  }
}
