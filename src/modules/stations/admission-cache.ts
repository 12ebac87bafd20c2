// What a connecting station is checked against, kept in memory when this process is the only writer
// of the stations table (the embedded PGlite database: one process owns it). A reconnect storm then
// reads nothing at the handshake: on PGlite every statement costs ~0.5 ms of CPU and runs one at a
// time (ADR 072). With PostgreSQL another node or an operator on another node may change a
// station's password or registration, so there the admission stays a (batched) read (ADR 026).
import type { AdmissionRecord } from './ports.js';

export class AdmissionCache {
  private readonly records = new Map<string, AdmissionRecord>();
  /**
   * Bumped by every invalidation. A read that started before one may have seen the old row, so its
   * result is kept only if no invalidation happened while it ran (`keep` is given the epoch the
   * caller saw before reading).
   */
  private epoch = 0;

  get(stationId: string): AdmissionRecord | undefined {
    return this.records.get(stationId);
  }

  /** The epoch to pass to `keep` for a read started now. */
  readStarted(): number {
    return this.epoch;
  }

  /** Caches what a read returned, unless the station changed while it ran. */
  keep(record: AdmissionRecord, startedAt: number): void {
    if (startedAt === this.epoch) this.records.set(record.id, intern(record));
  }

  /** After a committed change to the station's credentials, registration or existence. */
  invalidate(stationId: string): void {
    this.epoch += 1;
    this.records.delete(stationId);
  }

  get size(): number {
    return this.records.size;
  }
}

/**
 * One string instance per tenant id and status: rows parsed from the database carry a fresh copy
 * each, and 10,000 cached stations would otherwise hold 10,000 copies of "default" and "Accepted".
 */
const shared = new Map<string, string>();
function intern(record: AdmissionRecord): AdmissionRecord {
  const tenantId = shared.get(record.tenantId) ?? (shared.set(record.tenantId, record.tenantId), record.tenantId);
  const registrationStatus = (shared.get(record.registrationStatus) ?? (shared.set(record.registrationStatus, record.registrationStatus), record.registrationStatus)) as AdmissionRecord['registrationStatus'];
  return { tenantId, id: record.id, registrationStatus, securityProfile: record.securityProfile, passwordHash: record.passwordHash };
}
