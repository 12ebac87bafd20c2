// A station drawing above the limit it was given (a misbehaving EV, or a station that ignores its
// profiles) is flagged once per session: an `energy.ev-overdraw` event (SSE, webhooks) and an
// alert in network health; cleared when a fresh sample shows it obeys again or its session ends.
// While flagged, its last measured draw keeps counting when no fresh sample is there yet (after
// its limit was cut, the EV's response time passes first): it does not get its share back by default.
import type { Logger } from 'pino';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { EvseAllocation } from './allocator/types.js';
import type { OverdrawAlerts } from './ports.js';

type Flag = { sessionId: string; stationId: string; evseId: number; measuredA: number[] };
/** `phases`: those of the last measured draw, while no sample counts (measured-phases.ts). */
export type Observed = { key: string; stationId: string; evseId: number; sessionId: string | null; fresh: boolean; measuredA?: number[]; phases?: 1 | 2 | 3; previousLimitA?: number };

export class OverdrawFlags {
  private readonly flags = new Map<string, Flag>();

  constructor(private readonly events: EventPublisher, private readonly alerts: OverdrawAlerts | undefined, private readonly log: Logger, private readonly now: () => Date) {}

  /** The measured draw to count for a flagged session when it has no fresh sample. */
  remembered(tenantId: string, key: string, sessionId: string): number[] | undefined {
    const flag = this.flags.get(`${tenantId}|${key}`);
    return flag?.sessionId === sessionId ? flag.measuredA : undefined;
  }

  /** After an allocation: flags new offenders, clears those that obey again or left. */
  update(tenantId: string, siteId: string, observed: readonly Observed[], allocations: ReadonlyMap<string, EvseAllocation>): void {
    for (const o of observed) {
      const id = `${tenantId}|${o.key}`;
      const flag = this.flags.get(id);
      const allocation = allocations.get(o.key);
      const reason = allocation?.reason;
      if (flag && flag.sessionId !== o.sessionId) this.clear(tenantId, siteId, id, flag, 'session-ended');
      if (reason?.kind === 'misbehaving-ev' && o.sessionId !== null) {
        const current = this.flags.get(id);
        if (current) { current.measuredA = o.measuredA ?? current.measuredA; continue; }
        const next: Flag = { sessionId: o.sessionId, stationId: o.stationId, evseId: o.evseId, measuredA: o.measuredA ?? [] };
        this.flags.set(id, next);
        const data = {
          siteId, evseKey: o.key, evseId: o.evseId, sessionId: o.sessionId, measuredA: reason.measuredA, limitA: o.previousLimitA ?? null,
          excessA: reason.excessA, newLimitA: allocation!.limitA,
        };
        this.events.publish({ type: 'energy.ev-overdraw', tenantId, stationId: o.stationId, at: this.now(), data });
        this.alerts?.raise(tenantId, o.stationId, o.evseId, data).catch((error: unknown) => this.log.error({ err: error, stationId: o.stationId }, 'overdraw alert not raised'));
      } else if (flag && flag.sessionId === o.sessionId && o.fresh) {
        this.clear(tenantId, siteId, id, flag, 'obeys');
      }
    }
  }

  private clear(tenantId: string, siteId: string, id: string, flag: Flag, why: 'obeys' | 'session-ended'): void {
    this.flags.delete(id);
    this.events.publish({ type: 'energy.ev-overdraw-cleared', tenantId, stationId: flag.stationId, at: this.now(), data: { siteId, evseId: flag.evseId, sessionId: flag.sessionId, why } });
    this.alerts?.clear(tenantId, flag.stationId, flag.evseId).catch((error: unknown) => this.log.error({ err: error, stationId: flag.stationId }, 'overdraw alert not cleared'));
  }
}
