// Alerts and the incidents that gather them (issue 6 item 3): one working incident per (tenant,
// station, EVSE); an incident whose alerts all cleared with no person acting resolves itself.
// Events are published after the COMMIT that made the change durable.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';
import { ApiError } from '../../api/problem.js';
import { decodeIdCursor, encodeIdCursor } from '../../api/cursor.js';
import type { Condition } from './domain/detect.js';
import { FINAL_STATUSES, RULE_TITLES, stampFor, transitionRefusal, type Incident, type IncidentStatus } from './domain/incident.js';
import { severityRank, type Severity } from './domain/settings.js';
import type { Alert, HealthStore, IncidentFilter, StoredIncident, TimelineEntry } from './store.js';
import type { KbExplanation } from './ports.js';

let sequence = 0;

/**
 * Ids sort by creation time (and, within a millisecond, by creation order in this process), so
 * "newest first" is "by id, descending" and pages by id cursor.
 */
export function timeOrderedId(prefix: string, at: Date): string {
  sequence = (sequence + 1) % 1_679_616;
  return `${prefix}_${at.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

/** `system:...` actors are automation (the detector, a playbook); anyone else is a person. */
export const isPerson = (actor: string): boolean => !actor.startsWith('system:');
const SYSTEM = 'system:health';

export type IncidentDetail = Incident & { alerts: Alert[]; timeline: TimelineEntry[] };
export type IncidentPage = { items: Incident[]; nextCursor: string | null };

const publicIncident = (stored: StoredIncident): Incident => {
  const { personActed: _p, slaBreaches: _s, updatedAt: _u, ...incident } = stored;
  return incident;
};

export class IncidentService {
  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly store: HealthStore,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(tenantId: string, incidentId: string): Promise<Incident> {
    return publicIncident(await this.stored(tenantId, incidentId));
  }

  async detail(tenantId: string, incidentId: string): Promise<IncidentDetail> {
    const incident = await this.get(tenantId, incidentId);
    const [alerts, timeline] = await Promise.all([
      this.store.alertsOfIncident(this.db, tenantId, incidentId),
      this.store.timeline(this.db, tenantId, incidentId),
    ]);
    return { ...incident, alerts, timeline };
  }

  async openFor(tenantId: string, stationId: string): Promise<Incident[]> {
    return (await this.store.openIncidentsOfStation(this.db, tenantId, stationId)).map(publicIncident);
  }

  async list(tenantId: string, query: Omit<IncidentFilter, 'before'> & { cursor?: string | undefined }): Promise<IncidentPage> {
    const { cursor, ...filter } = query;
    const rows = await this.store.listIncidents(this.db, tenantId, { ...filter, ...(cursor ? { before: decodeIdCursor(cursor) } : {}) });
    const items = rows.slice(0, query.limit).map(publicIncident);
    return { items, nextCursor: rows.length > query.limit ? encodeIdCursor(items[items.length - 1]!.id) : null };
  }

  /**
   * Moves an incident forward (open -> acknowledged -> remote-troubleshooting -> technician
   * dispatched -> resolved; any working status may be resolved). `actor` is a user / API key id, or
   * `system:playbook:<id>` for automation. 409 invalid_transition otherwise, and nothing changes.
   */
  async transition(tenantId: string, incidentId: string, to: IncidentStatus, actor: string, note?: string): Promise<Incident> {
    const at = this.now();
    const result = await this.commits.run(async (tx) => {
      const current = await this.store.incident(tx, tenantId, incidentId);
      if (!current) throw new ApiError('incident_not_found', `Incident ${incidentId} not found`);
      const refusal = transitionRefusal(current.status, to);
      if (refusal) throw new ApiError('invalid_transition', refusal, { from: current.status, to });
      const stamp = stampFor(to);
      const final = FINAL_STATUSES.has(to);
      const updated = await this.store.updateIncident(tx, tenantId, incidentId, {
        status: to, updatedAt: at,
        ...(stamp ? { [stamp]: at } : {}),
        ...(isPerson(actor) ? { personActed: true } : {}),
        ...(final ? { resolution: note ?? null, resolvedBy: isPerson(actor) ? 'person' : 'automation' } : {}),
      });
      await this.store.appendTimeline(tx, tenantId, incidentId, { at, kind: 'status', actor, detail: { from: current.status, to, note: note ?? null } });
      return { previous: current.status, incident: updated! };
    });
    const { incident } = result;
    this.publish('incident.updated', incident, at, { status: to, previousStatus: result.previous, actor, note: note ?? null });
    if (FINAL_STATUSES.has(to)) this.publish('incident.resolved', incident, at, { status: to, resolution: incident.resolution, actor });
    return publicIncident(incident);
  }

  /**
   * Records an alert for a condition (nothing when the same alert is already active) and files it
   * in the working incident of its scope, opening one when there is none.
   */
  async raise(tenantId: string, stationId: string, condition: Condition, kb: KbExplanation | null): Promise<{ alert: Alert; incident: StoredIncident; opened: boolean } | null> {
    const at = this.now();
    const result = await this.commits.run(async (tx) => {
      if (await this.store.activeAlert(tx, tenantId, stationId, condition.key)) return null;
      let incident = await this.store.openIncidentOfScope(tx, tenantId, stationId, condition.evseId);
      const opened = incident === null;
      if (!incident) {
        incident = {
          id: timeOrderedId('inc', at), tenantId, stationId, evseId: condition.evseId, connectorId: condition.connectorId,
          status: 'open', severity: condition.severity, rule: condition.rule, code: condition.code,
          title: titleOf(condition), openedAt: at, detectedAt: condition.detectedAt,
          acknowledgedAt: null, remoteStartedAt: null, dispatchedAt: null, resolvedAt: null, resolution: null, resolvedBy: null,
          kb, personActed: false, slaBreaches: {}, updatedAt: at,
        };
        await this.store.insertIncident(tx, incident);
        await this.store.appendTimeline(tx, tenantId, incident.id, { at, kind: 'opened', actor: SYSTEM, detail: { rule: condition.rule, title: incident.title } });
      } else {
        const severity: Severity = severityRank(condition.severity) > severityRank(incident.severity) ? condition.severity : incident.severity;
        const detectedAt = condition.detectedAt < incident.detectedAt ? condition.detectedAt : incident.detectedAt;
        incident = (await this.store.updateIncident(tx, tenantId, incident.id, { severity, detectedAt, kb: incident.kb ?? kb, code: incident.code ?? condition.code, updatedAt: at }))!;
      }
      const alert: Alert = {
        id: timeOrderedId('alr', at), tenantId, incidentId: incident.id, stationId, evseId: condition.evseId, connectorId: condition.connectorId,
        rule: condition.rule, key: condition.key, severity: condition.severity, code: condition.code,
        details: { ...condition.details, ...(kb ? { kb } : {}) }, raisedAt: at, detectedAt: condition.detectedAt, clearedAt: null,
      };
      await this.store.insertAlert(tx, alert);
      await this.store.appendTimeline(tx, tenantId, incident.id, { at, kind: 'alert-raised', actor: SYSTEM, detail: { alertId: alert.id, rule: alert.rule, code: alert.code } });
      return { alert, incident, opened };
    });
    if (!result) return null;
    const { alert, incident, opened } = result;
    if (opened) {
      this.publish('incident.opened', incident, at, {
        rule: incident.rule, severity: incident.severity, evseId: incident.evseId, connectorId: incident.connectorId, code: incident.code, title: incident.title,
        // Every code the station sent (1.6: errorCode and vendorErrorCode): a playbook may key on either.
        codes: codesOf(alert),
      });
    }
    this.publish('health.alert-raised', incident, at, {
      alertId: alert.id, rule: alert.rule, severity: alert.severity, evseId: alert.evseId, connectorId: alert.connectorId, code: alert.code, codes: codesOf(alert), details: alert.details,
    });
    return result;
  }

  /** Clears the active alert of `key`; the incident auto-resolves when it was the last and no person acted. */
  async clear(tenantId: string, stationId: string, key: string): Promise<{ alert: Alert; incident: StoredIncident; autoResolved: boolean } | null> {
    const at = this.now();
    const result = await this.commits.run(async (tx) => {
      const alert = await this.store.activeAlert(tx, tenantId, stationId, key);
      if (!alert) return null;
      await this.store.clearAlert(tx, tenantId, alert.id, at);
      await this.store.appendTimeline(tx, tenantId, alert.incidentId, { at, kind: 'alert-cleared', actor: SYSTEM, detail: { alertId: alert.id, rule: alert.rule } });
      let incident = (await this.store.incident(tx, tenantId, alert.incidentId))!;
      let autoResolved = false;
      if (!FINAL_STATUSES.has(incident.status) && await this.store.countActiveAlerts(tx, tenantId, incident.id) === 0) {
        if (!incident.personActed) {
          const from = incident.status;
          incident = (await this.store.updateIncident(tx, tenantId, incident.id, {
            status: 'auto-resolved', resolvedAt: at, resolvedBy: 'automation', resolution: 'Every alert cleared', updatedAt: at,
          }))!;
          await this.store.appendTimeline(tx, tenantId, incident.id, { at, kind: 'status', actor: SYSTEM, detail: { from, to: 'auto-resolved', note: 'Every alert cleared' } });
          autoResolved = true;
        } else {
          await this.store.appendTimeline(tx, tenantId, incident.id, { at, kind: 'alerts-cleared', actor: SYSTEM, detail: { note: 'Every alert cleared; a person acted, so a person resolves' } });
        }
      }
      return { alert: { ...alert, clearedAt: at }, incident, autoResolved };
    });
    if (!result) return null;
    const { alert, incident } = result;
    this.publish('health.alert-cleared', incident, at, { alertId: alert.id, rule: alert.rule, evseId: alert.evseId, connectorId: alert.connectorId });
    if (result.autoResolved) this.publish('incident.resolved', incident, at, { status: 'auto-resolved', resolution: incident.resolution, actor: SYSTEM });
    return result;
  }

  /** Records a breached SLA clock once and publishes incident.sla-breached. */
  async recordSlaBreach(incident: StoredIncident, clock: string, dueAt: Date): Promise<boolean> {
    const at = this.now();
    const recorded = await this.commits.run(async (tx) => {
      const current = await this.store.incident(tx, incident.tenantId, incident.id);
      if (!current || current.slaBreaches[clock]) return false;
      await this.store.updateIncident(tx, incident.tenantId, incident.id, { slaBreaches: { ...current.slaBreaches, [clock]: at.toISOString() }, updatedAt: at });
      await this.store.appendTimeline(tx, incident.tenantId, incident.id, { at, kind: 'sla-breached', actor: SYSTEM, detail: { clock, dueAt: dueAt.toISOString() } });
      return true;
    });
    if (recorded) this.publish('incident.sla-breached', incident, at, { clock, dueAt: dueAt.toISOString() });
    return recorded;
  }

  /** A note on the timeline (e.g. who was notified). */
  async note(incident: Pick<Incident, 'tenantId' | 'id'>, kind: string, detail: Record<string, unknown>): Promise<void> {
    await this.commits.run((tx) => this.store.appendTimeline(tx, incident.tenantId, incident.id, { at: this.now(), kind, actor: SYSTEM, detail }));
  }

  private async stored(tenantId: string, incidentId: string): Promise<StoredIncident> {
    const incident = await this.store.incident(this.db, tenantId, incidentId);
    if (!incident) throw new ApiError('incident_not_found', `Incident ${incidentId} not found`);
    return incident;
  }

  private publish(type: string, incident: Pick<Incident, 'id' | 'tenantId' | 'stationId'>, at: Date, data: Record<string, unknown>): void {
    const event: DomainEvent = { type, tenantId: incident.tenantId, stationId: incident.stationId, at, data: { incidentId: incident.id, ...data } };
    this.events.publish(event);
  }
}

function titleOf(condition: Condition): string {
  const base = RULE_TITLES[condition.rule] ?? condition.rule;
  const where = condition.evseId === null ? '' : ` (EVSE ${condition.evseId}${condition.connectorId ? `, connector ${condition.connectorId}` : ''})`;
  return `${base}${where}${condition.code ? `: ${condition.code}` : ''}`;
}

/** The alert's code, then the 1.6 errorCode and vendorErrorCode it was read from (no NoError, no repeats). */
function codesOf(alert: Alert): string[] {
  const found = [alert.code, alert.details['errorCode'], alert.details['vendorErrorCode']]
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '' && c !== 'NoError');
  return [...new Set(found)];
}
