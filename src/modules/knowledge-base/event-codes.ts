// The codes in the station events the stations module stores without publishing them: 2.x
// NotifyEvent (N07: component, variable, techCode) and SecurityEventNotification (1.6 security
// whitepaper / 2.x A04: the event `type`). Read from station_events by id, so each row is seen
// once; every fault-like code goes through explain(), which counts the unknown ones for the ranking.
import { and, asc, gt, inArray, max } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import { stationEvents } from '../../infra/db/schema.js';
import type { FaultCodes } from './domain/types.js';
import type { KnowledgeBaseService } from './service.js';

const KINDS = ['NotifyEvent', 'SecurityEventNotification'];
const BATCH = 500;

type EventDatum = { trigger?: unknown; actualValue?: unknown; techCode?: unknown; techInfo?: unknown; component?: { name?: unknown }; variable?: { name?: unknown } };
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const NO_CODES: FaultCodes = { errorCode: null, vendorId: null, vendorErrorCode: null, component: null, variable: null, eventCode: null };

/**
 * The codes one stored event carries. NotifyEvent: each datum with a techCode, or an alerting /
 * problem report (trigger Alerting, variable Problem or Fault true, a Faulted state); monitoring
 * noise (periodic values) is not a fault. SecurityEventNotification: its type, under component
 * "Security" so that it never collides with a vendor's techCode.
 */
export function codesOfStationEvent(kind: string, payload: unknown): FaultCodes[] {
  if (typeof payload !== 'object' || payload === null) return [];
  if (kind === 'SecurityEventNotification') {
    const type = text((payload as { type?: unknown }).type);
    return type ? [{ ...NO_CODES, component: 'Security', eventCode: type }] : [];
  }
  if (kind !== 'NotifyEvent') return [];
  const data = (payload as { eventData?: unknown }).eventData;
  if (!Array.isArray(data)) return [];
  const found: FaultCodes[] = [];
  for (const datum of data as EventDatum[]) {
    const techCode = text(datum.techCode);
    const variable = text(datum.variable?.name);
    const value = text(datum.actualValue);
    const problem = datum.trigger === 'Alerting' || ((variable === 'Problem' || variable === 'Fault' || variable === 'Tripped') && value?.toLowerCase() === 'true') || value === 'Faulted';
    if (!techCode && !problem) continue;
    found.push({ ...NO_CODES, component: text(datum.component?.name), variable, eventCode: techCode, vendorId: text(datum.techInfo) && /^https?:\/\//.test(String(datum.techInfo)) ? text(datum.techInfo) : null });
  }
  return found;
}

/** Polls station_events for new NotifyEvent / SecurityEventNotification rows (from the newest at start). */
export class StationEventCodes {
  private lastId: bigint | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly db: Executor, private readonly kb: KnowledgeBaseService, private readonly log: Logger) {}

  /** Sets the starting point now, then polls every intervalMs (a poll still running skips a tick). */
  start(intervalMs: number): void {
    const tick = () => { if (!this.running) this.running = this.poll().finally(() => { this.running = null; }); };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Reads and explains what arrived since the last call; returns how many codes were looked up. */
  async poll(): Promise<number> {
    try {
      if (this.lastId === null) {
        // The first call sets the starting point: history before the start is not replayed.
        const [row] = await this.db.select({ id: max(stationEvents.id) }).from(stationEvents);
        this.lastId = row?.id ?? 0n;
        return 0;
      }
      let looked = 0;
      for (;;) {
        const rows = await this.db.select({ id: stationEvents.id, tenantId: stationEvents.tenantId, stationId: stationEvents.stationId, kind: stationEvents.kind, receivedAt: stationEvents.receivedAt, payload: stationEvents.payload })
          .from(stationEvents).where(and(gt(stationEvents.id, this.lastId), inArray(stationEvents.kind, KINDS))).orderBy(asc(stationEvents.id)).limit(BATCH);
        for (const row of rows) {
          this.lastId = row.id;
          for (const codes of codesOfStationEvent(row.kind, row.payload)) {
            const device = await this.kb.faultFromStatus(row.tenantId, row.stationId, {});
            await this.kb.explain(row.tenantId, { ...device, ...codes }, { stationId: row.stationId, at: row.receivedAt });
            looked++;
          }
        }
        if (rows.length < BATCH) return looked;
      }
    } catch (error) {
      this.log.error({ err: error }, 'reading station event codes failed');
      return 0;
    }
  }
}
