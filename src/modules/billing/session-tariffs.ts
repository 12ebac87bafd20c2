// The tariff resolution of a session (customer group, place, assignment, tariff, VAT), made once
// per session and shared by everything that prices it (ADR 068): the running cost's context, the
// 2.x Ended answer's totalCost, the 1.6 FinalCost and the CDR. Before, the end of a session
// resolved it up to three times from the database (token, ad-hoc payment, station + site,
// assignments: 5 statements in turn each time), one of them while the Ended answer waited.
//
// What is resolved depends only on the session's start (its station, EVSE, token and start time)
// and on tenant data that an operator changes: tariffs and assignments, stations' sites, sites,
// tokens and ad-hoc payments. Entries are dropped on any such change seen by this node (API writes,
// token events) and after `maxAgeMs`, which bounds how long a change made through another node
// can go unseen. Loads are shared while in flight, and a load that began before an invalidation
// is used by its callers but not kept (a generation counter), so a slow read cannot put back a
// resolution older than the change.
import type { TariffService } from '../tariffs/service.js';

export type Found = Awaited<ReturnType<TariffService['tariffAt']>>;
export type Resolution = { group: 'members' | 'public'; found: Found } | 'no_tariff';

type Entry = { tenantId: string; resolution: Promise<Resolution>; loadedAt: number; ended: boolean };

export class SessionTariffs {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private lastSweep = 0;

  constructor(private readonly maxAgeMs: number, private readonly maxEntries = 100_000) {}

  /** The session's resolution, loaded by `load` unless a fresh one is known or under way. */
  resolve(tenantId: string, sessionId: string, now: number, load: () => Promise<Resolution>): Promise<Resolution> {
    const cached = this.fresh(sessionId, now);
    if (cached && cached.tenantId === tenantId) return cached.resolution;
    this.sweep(now);
    const generation = this.generation;
    const entry: Entry = { tenantId, resolution: load(), loadedAt: now, ended: cached?.ended ?? false };
    this.entries.set(sessionId, entry);
    // A failed load is not remembered; one that raced an invalidation is answered but not kept.
    entry.resolution.then(
      () => { if (generation !== this.generation && this.entries.get(sessionId) === entry) this.entries.delete(sessionId); },
      () => { if (this.entries.get(sessionId) === entry) this.entries.delete(sessionId); },
    );
    return entry.resolution;
  }

  /** A fresh resolution already settled or under way, without loading; null when none is known. */
  known(tenantId: string, sessionId: string, now: number): { resolution: Promise<Resolution>; ended: boolean } | null {
    const cached = this.fresh(sessionId, now);
    return cached && cached.tenantId === tenantId ? cached : null;
  }

  /** The session ended (session.ended seen on this node): the end's pricings may trust the memo to say so. */
  ended(sessionId: string): void {
    const entry = this.entries.get(sessionId);
    if (entry) entry.ended = true;
  }

  /** This session is resolved again at its next pricing. */
  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Tariffs, assignments, stations, sites, tokens or payments changed: everything is resolved again. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private fresh(sessionId: string, now: number): Entry | null {
    const entry = this.entries.get(sessionId);
    return entry && now - entry.loadedAt < this.maxAgeMs ? entry : null;
  }

  /** Entries leave with their age (a session's end is priced within seconds of it); bounded in number too. */
  private sweep(now: number): void {
    if (this.entries.size < this.maxEntries && (this.entries.size < 1_000 || now - this.lastSweep < 1_000)) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries) if (now - entry.loadedAt >= this.maxAgeMs) this.entries.delete(id);
    for (const id of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(id);
    }
  }
}
