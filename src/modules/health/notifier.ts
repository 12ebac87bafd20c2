// Email notifications of incidents (issue 6 item 3). Webhooks need nothing here: every event goes
// out through the webhooks module already. An opened incident is mailed to the tenant's recipients
// (at or above minSeverity); a breached SLA clock to the recipients and the escalation list.
import type { Logger } from 'pino';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { Mailer } from '../identity/mailer.js';
import { severityRank, type Severity } from './domain/settings.js';
import type { IncidentService } from './incident-service.js';
import type { HealthSettingsService } from './settings-service.js';

export class IncidentNotifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly mailer: Mailer,
    private readonly settings: HealthSettingsService,
    private readonly incidents: IncidentService,
    private readonly log: Logger,
    private readonly dashboardUrl: () => string,
  ) {}

  observe(event: DomainEvent): void {
    if (event.type !== 'incident.opened' && event.type !== 'incident.sla-breached') return;
    const work = this.notify(event).catch((error: unknown) => this.log.warn({ err: error, eventType: event.type }, 'incident notification not sent'));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Waits for the mails being sent (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  private async notify(event: DomainEvent): Promise<void> {
    const { notifications } = await this.settings.get(event.tenantId);
    const incidentId = String(event.data['incidentId']);
    const incident = await this.incidents.get(event.tenantId, incidentId);
    const link = `${this.dashboardUrl()}/incidents/${encodeURIComponent(incidentId)}`;
    let to: string[];
    let subject: string;
    let text: string;
    if (event.type === 'incident.opened') {
      if (severityRank(incident.severity) < severityRank(notifications.minSeverity as Severity)) return;
      to = notifications.recipients;
      subject = `[${incident.severity}] ${incident.title} at ${incident.stationId}`;
      text = [
        `Incident ${incident.id} opened at ${incident.openedAt.toISOString()} for station ${incident.stationId}.`,
        `What: ${incident.title} (rule ${incident.rule}${incident.code ? `, code ${incident.code}` : ''}).`,
        `Fault started: ${incident.detectedAt.toISOString()}.`,
        ...(explanation(incident.kb)),
        `Open it: ${link}`,
      ].join('\n');
    } else {
      to = [...new Set([...notifications.recipients, ...notifications.escalation])];
      const clock = String(event.data['clock']);
      subject = `[SLA breached: ${clock}] ${incident.title} at ${incident.stationId}`;
      text = [
        `The ${clock} SLA clock of incident ${incident.id} (${incident.title}, station ${incident.stationId}) was due at ${String(event.data['dueAt'])}.`,
        `Status now: ${incident.status}.`,
        `Open it: ${link}`,
      ].join('\n');
    }
    if (to.length === 0) return;
    await this.mailer.send({ to: to.join(', '), subject, text });
    await this.incidents.note(incident, 'notified', { to, subject, mailConfigured: this.mailer.configured });
  }
}

function explanation(kb: unknown): string[] {
  if (!kb || typeof kb !== 'object') return [];
  const entry = kb as Record<string, unknown>;
  return [`Meaning: ${String(entry['meaning'] ?? '')}`, `Probable cause: ${String(entry['probableCause'] ?? '')}`, `For the technician: ${String(entry['technicianInstructions'] ?? '')}`];
}
