// The measured draw of each session, from its latest meter values (1.6 MeterValues, 2.x
// TransactionEvent): Current.Import per phase, else Power.Active.Import spread over the EVSE's
// phases. A sample only counts when it was taken after the EV had time to follow the limit it is
// compared with (IEC 61851-1: an EV follows a new PWM duty cycle within 5 s); an older one would
// make an EV that was just lowered look like it draws above its limit.
export const EV_RESPONSE_SECONDS = 5;

export type DrawSample = { sessionId: string; sampledAt: Date; measurand: string; phase: string | null; value: number };
export type SessionDrawQuery = { sessionId: string; phases: number; voltageV: number; /** Samples before this do not count. */ since: Date };
export type MeasuredDraw = { measuredA: number[]; sampledAt: Date };

const PHASE_INDEX: Record<string, number> = { L1: 0, L2: 1, L3: 2 };

/** Per session: amps per EVSE phase (L1, L2, L3 as its meter reports) at its latest sample that counts. */
export function measuredDraws(samples: readonly DrawSample[], queries: readonly SessionDrawQuery[]): Map<string, MeasuredDraw> {
  const bySession = new Map<string, DrawSample[]>();
  for (const s of samples) (bySession.get(s.sessionId) ?? bySession.set(s.sessionId, []).get(s.sessionId)!).push(s);
  const draws = new Map<string, MeasuredDraw>();
  for (const q of queries) {
    const fresh = (bySession.get(q.sessionId) ?? []).filter((s) => s.sampledAt >= q.since);
    if (fresh.length === 0) continue;
    const latest = Math.max(...fresh.map((s) => s.sampledAt.getTime()));
    const atLatest = fresh.filter((s) => s.sampledAt.getTime() === latest);
    const measuredA = fromCurrents(atLatest, q.phases) ?? fromPower(atLatest, q.phases, q.voltageV);
    if (measuredA) draws.set(q.sessionId, { measuredA, sampledAt: new Date(latest) });
  }
  return draws;
}

function fromCurrents(samples: readonly DrawSample[], phases: number): number[] | undefined {
  const currents = samples.filter((s) => s.measurand === 'Current.Import');
  if (currents.length === 0) return undefined;
  const perPhase = [0, 0, 0];
  let phased = false;
  for (const s of currents) {
    const index = s.phase === null ? undefined : PHASE_INDEX[s.phase.slice(0, 2)];
    if (index !== undefined) { perPhase[index] = Math.max(0, s.value); phased = true; }
  }
  if (phased) return perPhase.slice(0, Math.max(phases, lastNonZero(perPhase) + 1));
  // No phase named: the current of each phase the EVSE has (DC, or a meter that sums nothing).
  const amps = Math.max(0, currents[0]!.value);
  return Array.from({ length: phases }, () => amps);
}

function fromPower(samples: readonly DrawSample[], phases: number, voltageV: number): number[] | undefined {
  const power = samples.find((s) => s.measurand === 'Power.Active.Import' && s.phase === null);
  if (!power) return undefined;
  const amps = Math.max(0, power.value) / (voltageV * Math.max(1, phases));
  return Array.from({ length: phases }, () => Number(amps.toFixed(2)));
}

const lastNonZero = (values: number[]) => values.reduce((last, v, i) => (v > 0 ? i : last), -1);
