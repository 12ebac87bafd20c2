// `chargeops bench site-day`: the simulated 24-hour site day of smart charging (issue 7 proof;
// src/modules/smart-charging/site-day/). In-process ChargeOps on in-memory PGlite, simulated
// stations over real WebSockets, an accelerated clock. Writes <out>/site-day-<time>.json and
// prints a markdown summary.
import { FULL_SITE_DAY, runSiteDay, type SiteDayOptions, type SiteDayReport } from '../../modules/smart-charging/site-day/site-day.js';

export function siteDayMarkdown(r: SiteDayReport): string {
  const o = r.options;
  return [
    `${o.stations} stations (1.6 and 2.0.1 alternating, 2 EVSEs of 32 A each, rotations RST/STR/TRS) on two ${o.panelA} A panels under a ${o.gridA} A grid connection; ` +
      `${o.evs} EVs (seed ${o.seed}); signal ${o.signalA} A ${o.signalFromHour}:00-${o.signalToHour}:00 announced at 12:00; 24 h at ${o.factor}x in ${r.wallSeconds} s wall time`,
    '',
    '| measure | value |',
    '|---|---|',
    `| samples (every simulated minute + every applied limit change) | ${r.samples} |`,
    `| samples above a cap (could draw or drawn, any circuit, any phase) | **${r.violationCount}** |`,
    `| peak could draw without ChargeOps: grid / a panel (A per phase) | ${r.peakCouldDrawA.grid} / ${r.peakCouldDrawA.panels} |`,
    `| peak drawn: grid / a panel (A per phase) | ${r.peakDrawA.grid} / ${r.peakDrawA.panels} |`,
    `| capacity utilisation, whole day (drawn / cap in force) | ${r.utilisationPct.day} % |`,
    `| capacity utilisation while the EVs wanted more than the cap (${r.constrainedMinutes} min) | ${r.utilisationPct.constrained} % |`,
    `| sessions / EVs that found no free EVSE before leaving | ${r.sessions} / ${r.turnedAway} |`,
    `| energy delivered vs unlimited charging of the same stays | ${r.energyDeliveredKwh} kWh / ${r.energyUnlimitedKwh} kWh (${r.energyUnlimitedKwh === 0 ? '-' : Math.round((r.energyDeliveredKwh / r.energyUnlimitedKwh) * 1000) / 10} %) |`,
    `| re-allocations that sent profiles / profiles sent | ${r.reallocations} / ${r.profilesSent} |`,
    ...(r.violations.length > 0 ? ['', 'First samples above a cap:', ...r.violations.map((v) => `- ${v}`)] : []),
  ].join('\n');
}

/** Entry point of `chargeops bench site-day [--stations N] [--evs N] [--factor N] [--seed N] [--out DIR]`. */
export async function runSiteDayCommand(argv: string[]): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const { describeMachine, describeSource } = await import('../report.js');
  const { loadavg } = await import('node:os');
  const { values } = parseArgs({ args: argv, options: {
    stations: { type: 'string', default: String(FULL_SITE_DAY.stations) }, evs: { type: 'string', default: String(FULL_SITE_DAY.evs) },
    factor: { type: 'string', default: String(FULL_SITE_DAY.factor) }, seed: { type: 'string', default: String(FULL_SITE_DAY.seed) },
    out: { type: 'string', default: 'bench/results' },
  } });
  const number = (name: string, text: string) => {
    const v = Number(text);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} wants a positive integer (got "${text}")`);
    return v;
  };
  const options: SiteDayOptions = {
    ...FULL_SITE_DAY, stations: number('stations', values.stations), evs: number('evs', values.evs), factor: number('factor', values.factor), seed: number('seed', values.seed),
    progress: (line) => console.log(`  ${line}`),
  };
  const machine = describeMachine();
  const loadBefore = loadavg()[0]!;
  console.log(`chargeops bench site-day: ${options.stations} stations, ${options.evs} EVs, 24 h at ${options.factor}x; load average ${loadBefore.toFixed(1)}`);
  const startedAt = new Date().toISOString();
  const report = await runSiteDay(options);
  const loadAfter = loadavg()[0]!;
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `site-day-${startedAt.slice(0, 19).replace(/:/g, '-')}Z.json`);
  writeFileSync(file, `${JSON.stringify({ scenario: 'site-day', startedAt, finishedAt: new Date().toISOString(), source: describeSource(), machine, loadAverage: { before: loadBefore, after: loadAfter }, report }, null, 2)}\n`);
  console.log(`\n${siteDayMarkdown(report)}\n\nload average ${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}; results: ${file}`);
  if (report.violationCount > 0) process.exitCode = 1;
}
