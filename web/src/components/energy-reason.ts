// Why an EVSE got its limit, in words: the allocator's provenance (smart-charging allocator/types.ts
// LimitReason) as the energy view shows it. Pure, so it is tested without a browser.

type Reason = Record<string, unknown>;

const where = (r: Reason) => {
  const circuit = r['circuitId'] === undefined ? 'a circuit' : `circuit "${String(r['circuitId'])}"`;
  const phase = r['phase'] === 'power' ? 'power limit' : `phase ${String(r['phase'])}`;
  // Signal ids are long: the first characters tell them apart in the signals table.
  const signal = r['source'] === 'signal' ? ` (grid signal${r['signalId'] ? ` ${String(r['signalId']).slice(0, 12)}` : ''})` : '';
  return `${circuit} ${phase}${signal}`;
};

export function describeReason(reason: Reason | null | undefined): string {
  if (!reason) return 'unknown';
  switch (reason['kind']) {
    case 'constraint': return `Shared out: ${where(reason)} is full`;
    case 'min-current-starvation': return `Paused at 0 A: no room for the minimum current at ${where(reason)}; number ${String(reason['queuePosition'])} in the queue`;
    case 'ev-max': return 'The car\'s own maximum';
    case 'evse-max': return 'The EVSE\'s maximum current';
    case 'ev-draw': return `The car draws only ${String(reason['measuredA'])} A: the rest went to others`;
    case 'deferred-to-cheaper-hours': return `Waiting for cheaper hours${reason['nextChargeAt'] ? ` (from ${new Date(String(reason['nextChargeAt'])).toLocaleString()})` : ''}`;
    case 'misbehaving-ev': return `Drew ${String(reason['measuredA'])} A, ${String(reason['excessA'])} A above its limit: its share is cut`;
    case 'offline-last-known': return 'Station offline: its last known limit is counted against the cap';
    case 'no-session': return 'No session: only the fallback limit applies';
    default: return String(reason['kind'] ?? 'unknown');
  }
}
