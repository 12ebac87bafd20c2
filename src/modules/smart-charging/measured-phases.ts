// The phases each session's EV was last measured drawing on. Right after its limit changes no
// sample counts yet (the EV's response time, dispatch/measured-draw.ts); without this memory the
// allocator would take a single-phase EV for one drawing on every phase of its EVSE again, give it a
// third of its share, and give it back once a sample counts: a TxProfile every few seconds and
// capacity lost in between. One entry per EVSE, valid for the session it was measured in.
import { PHASE_IN_USE_A } from './allocator/participants.js';
import type { SessionInput } from './allocator/types.js';

type Phases = NonNullable<SessionInput['phases']>;

export class MeasuredPhases {
  private readonly last = new Map<string, { sessionId: string; phases: Phases }>();

  /**
   * A sample that counts. Remembered only when the EV draws on the EVSE's first n phases (what the
   * allocator assumes of a phase count); a draw on others, or on none (a paused EV says nothing
   * about its phases), is not: then the EVSE's phases count, the safe side.
   */
  note(tenantId: string, key: string, sessionId: string, measuredA: readonly number[]): void {
    const inUse = measuredA.map((a) => a >= PHASE_IN_USE_A);
    const count = inUse.filter(Boolean).length;
    const id = `${tenantId}|${key}`;
    if (count > 0 && count <= 3 && inUse.slice(0, count).every(Boolean)) this.last.set(id, { sessionId, phases: count as Phases });
    else this.last.delete(id);
  }

  /** The phases of this session's last measured draw, if known. */
  of(tenantId: string, key: string, sessionId: string): Phases | undefined {
    const entry = this.last.get(`${tenantId}|${key}`);
    return entry?.sessionId === sessionId ? entry.phases : undefined;
  }

  /** The EVSE's session ended. */
  forget(tenantId: string, key: string): void {
    this.last.delete(`${tenantId}|${key}`);
  }
}
