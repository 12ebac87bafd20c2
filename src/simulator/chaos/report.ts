// The chaos run report (issue 6, "done when"): for each injected fault, whether ChargeOps detected
// it (and how long after the injection), explained it (knowledge-base entry), fixed it without a
// person or opened a work order; then the fleet's uptime and charge success rate. Pure: the CLI
// (report-cli.ts) fetches the rows from the API and prints what this returns.
import type { FaultKind } from './faults.js';
import type { InjectionRecord } from './scenario.js';

/** The detection rule (src/modules/health) each fault class must raise. */
export const EXPECTED_RULE: Record<FaultKind, string> = {
  offline: 'offline',
  flapping: 'flapping',
  'vendor-error': 'faulted',
  'stuck-transaction': 'stuck-transaction',
  'failed-start': 'no-energy',
  'frozen-meter': 'meter-stalled',
  'stuck-preparing': 'stuck-status',
};

export type ReportIncident = {
  id: string; stationId: string; rule: string; code: string | null; status: string; openedAt: string; resolvedAt: string | null;
  resolvedBy: string | null; kb: { entryId?: string; source?: string | undefined; meaning?: string } | null;
};
export type ReportRun = { incidentId: string; status: string; steps: Array<{ action: string; outcome: string }>; workOrderId: string | null };
export type ReportWorkOrder = { id: string; incidentId: string | null; instructions: string };
export type ReportFigures = {
  uptimePercent: number | null; observedMs: number; downMs: number; failures: number; mttdMs: number | null; mttrMs: number | null;
  sessions: { attempted: number; succeeded: number; failed: number; pending: number; successPercent: number | null };
};

export type FaultLine = {
  station: string; kind: FaultKind; injectedAt: string; rule: string;
  incident: ReportIncident | null;
  /** Seconds from the injection to the incident opening. */
  detectedAfterSeconds: number | null;
  explanation: string;
  playbook: string;
  outcome: string;
};

export type ChaosReport = { faults: FaultLine[]; healthyStationsWithIncidents: string[]; stationsTotal: number };

/** The last record per station (a fault is recorded when it starts and again when it ends). */
export function latestRecords(records: readonly InjectionRecord[]): InjectionRecord[] {
  const byStation = new Map<string, InjectionRecord>();
  for (const r of records) byStation.set(`${r.station}\n${r.injectedAt}`, r);
  return [...byStation.values()].sort((a, b) => a.injectedAt.localeCompare(b.injectedAt));
}

export function buildReport(input: {
  records: readonly InjectionRecord[]; incidents: readonly ReportIncident[]; runs: readonly ReportRun[]; workOrders: readonly ReportWorkOrder[]; stationIds: readonly string[];
}): ChaosReport {
  const records = latestRecords(input.records);
  const faulty = new Set(records.map((r) => r.station));
  const faults = records.map((record): FaultLine => {
    const rule = EXPECTED_RULE[record.kind];
    const incident = input.incidents
      .filter((i) => i.stationId === record.station && i.rule === rule && i.openedAt >= record.injectedAt)
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt))[0] ?? null;
    const runs = incident ? input.runs.filter((r) => r.incidentId === incident.id) : [];
    const order = incident ? input.workOrders.find((w) => w.incidentId === incident.id) ?? null : null;
    return {
      station: record.station, kind: record.kind, injectedAt: record.injectedAt, rule, incident,
      detectedAfterSeconds: incident ? Math.round((Date.parse(incident.openedAt) - Date.parse(record.injectedAt)) / 1000) : null,
      explanation: incident?.kb?.entryId ? `KB ${incident.kb.entryId}${incident.kb.source ? ` (${incident.kb.source})` : ''}` : incident ? `rule ${rule}${incident.code ? `, code ${incident.code} not in the KB` : ''}` : '-',
      playbook: runs.map((r) => `${r.status}: ${r.steps.map((s) => `${s.action}=${s.outcome}`).join(', ')}`).join(' | ') || '-',
      outcome: !incident ? (record.error ? `not detected (injection failed: ${record.error})` : 'not detected')
        : order ? `work order ${order.id}${order.instructions.includes('No knowledge-base entry') ? '' : ' with KB instructions'} (incident ${incident.status})`
        : incident.status === 'auto-resolved' || incident.resolvedBy === 'automation' ? 'auto-resolved'
        : `incident ${incident.status}`,
    };
  });
  const healthyStationsWithIncidents = [...new Set(input.incidents.map((i) => i.stationId).filter((s) => !faulty.has(s)))].sort();
  return { faults, healthyStationsWithIncidents, stationsTotal: input.stationIds.length };
}

const pct = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)} %`);
const minutes = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 60_000).toFixed(1)} min`);

/** Markdown: one row per fault, a summary per fault class, then the fleet's figures. */
export function renderReport(report: ChaosReport, figures: ReportFigures, period: { from: string; to: string }): string {
  const lines = [
    `Period ${period.from} .. ${period.to}; ${report.stationsTotal} stations, ${report.faults.length} injected faults.`,
    '',
    '| station | fault | injected | rule | detected after | explained | playbook (run: steps) | outcome |',
    '|---|---|---|---|---|---|---|---|',
    ...report.faults.map((f) => `| ${f.station} | ${f.kind} | ${f.injectedAt.slice(11, 19)} | ${f.rule} | ${f.detectedAfterSeconds === null ? 'not detected' : `${f.detectedAfterSeconds} s`} | ${f.explanation} | ${f.playbook} | ${f.outcome} |`),
    '',
    '| fault class | injected | detected | median detection | auto-resolved | work orders |',
    '|---|---|---|---|---|---|',
  ];
  const kinds = [...new Set(report.faults.map((f) => f.kind))];
  for (const kind of kinds) {
    const of = report.faults.filter((f) => f.kind === kind);
    const detected = of.filter((f) => f.detectedAfterSeconds !== null).map((f) => f.detectedAfterSeconds!).sort((a, b) => a - b);
    const median = detected.length ? `${detected[Math.floor((detected.length - 1) / 2)]} s` : '-';
    lines.push(`| ${kind} | ${of.length} | ${detected.length} | ${median} | ${of.filter((f) => f.outcome === 'auto-resolved').length} | ${of.filter((f) => f.outcome.startsWith('work order')).length} |`);
  }
  const s = figures.sessions;
  lines.push(
    '',
    `Healthy stations with an incident: ${report.healthyStationsWithIncidents.length === 0 ? 'none' : report.healthyStationsWithIncidents.join(', ')}.`,
    `Network uptime (NEVI, 23 CFR 680.116(b)): ${pct(figures.uptimePercent)} (down ${minutes(figures.downMs)} of ${minutes(figures.observedMs)} port-time; ${figures.failures} failures; MTTD ${minutes(figures.mttdMs)}, MTTR ${minutes(figures.mttrMs)}).`,
    `Charge success rate: ${pct(s.successPercent)} (${s.succeeded} of ${s.attempted} attempted sessions succeeded, ${s.failed} failed, ${s.pending} still running).`,
  );
  return lines.join('\n');
}
