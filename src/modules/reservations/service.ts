import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';
import { DomainError } from '../../shared/domain-error.js';
import type { StationCommandService } from '../commands/command-service.js';
import { reserveNowPayload, statusFromAnswer, type Reservation, type ReservationRequest } from './reservation.js';
import type { ReservationStore } from './store.js';

type Caller = { tenantId: string; requestedBy: string | null };

const NOTHING_TO_DO: Promise<void> = Promise.resolve();

/**
 * Reservations for both versions (H01-H04; 1.6 ReserveNow/CancelReservation): a specific EVSE, any
 * EVSE, a connector type (2.x) or a group token. The CSMS enforces expiry itself (a sweep), since
 * not every station does, and marks a reservation Used when a session starts with it.
 */
export class ReservationService {
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly store: ReservationStore,
    private readonly commands: StationCommandService,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async reserve(caller: Caller, stationId: string, request: ReservationRequest): Promise<Reservation> {
    if (request.expiresAt.getTime() <= this.now().getTime()) {
      throw new DomainError('invalid_command', 'A reservation must expire in the future');
    }
    const version = await this.commands.versionOf(caller.tenantId, stationId);
    const id = await this.store.nextId(this.db);
    const payload = reserveNowPayload(version, id, request);
    await this.commits.run((tx) => this.store.insert(tx, {
      id, tenantId: caller.tenantId, stationId,
      evseId: request.evseId ?? null, connectorType: request.connectorType ?? null,
      idToken: request.idToken, idTokenType: request.idTokenType ?? null, groupIdToken: request.groupIdToken ?? null,
      expiresAt: request.expiresAt, status: 'Requested',
    }));
    const result = await this.commands.send({ ...caller, stationId, action: 'ReserveNow', payload });
    const status = result.outcome.kind === 'result' ? statusFromAnswer((result.outcome.payload as { status?: unknown }).status) : 'Unanswered';
    return this.changeStatus(caller.tenantId, id, status);
  }

  async cancel(caller: Caller, id: number): Promise<{ reservation: Reservation; stationAnswer: string }> {
    const reservation = await this.get(caller.tenantId, id);
    if (reservation.status !== 'Accepted' && reservation.status !== 'Requested') {
      throw new DomainError('invalid_command', `Reservation ${id} is ${reservation.status}; only a held reservation can be cancelled`);
    }
    const result = await this.commands.send({ ...caller, stationId: reservation.stationId, action: 'CancelReservation', payload: { reservationId: id } });
    const answer = result.outcome.kind === 'result' ? String((result.outcome.payload as { status?: unknown }).status) : result.outcome.kind;
    // Rejected means the station no longer holds it (expired or used there); either way it is not held.
    const updated = answer === 'Accepted' || answer === 'Rejected' ? await this.changeStatus(caller.tenantId, id, 'Cancelled') : reservation;
    return { reservation: updated, stationAnswer: answer };
  }

  async get(tenantId: string, id: number): Promise<Reservation> {
    const reservation = await this.store.get(this.db, tenantId, id);
    if (!reservation) throw new DomainError('reservation_not_found', `Reservation ${id} does not exist`);
    return reservation;
  }

  list(tenantId: string, query: { limit: number; cursor?: number; stationId?: string; status?: string }) {
    return this.store.list(this.db, tenantId, query);
  }

  /** 2.x ReservationStatusUpdate: the station expired or removed it. */
  async statusUpdate(tenantId: string, id: number, update: 'Expired' | 'Removed' | 'NoTransaction'): Promise<void> {
    const reservation = await this.store.get(this.db, tenantId, id);
    if (!reservation) {
      this.log.warn({ reservationId: id }, 'ReservationStatusUpdate for an unknown reservation');
      return;
    }
    if (reservation.status === 'Used' || reservation.status === 'Cancelled') return;
    await this.changeStatus(tenantId, id, update);
  }

  /** Links a session that started with a reservation (1.6 StartTransaction / 2.x TransactionEvent reservationId). */
  observe(event: DomainEvent): Promise<void> {
    // Every event of the bus comes here: those that concern no reservation cost no async call.
    if (event.type !== 'session.started') return NOTHING_TO_DO;
    const reservationId = event.data['reservationId'];
    const sessionId = event.data['sessionId'];
    if (typeof reservationId !== 'number' || typeof sessionId !== 'string') return NOTHING_TO_DO;
    return this.markUsed(event.tenantId, reservationId, sessionId);
  }

  private async markUsed(tenantId: string, reservationId: number, sessionId: string): Promise<void> {
    const updated = await this.commits.run((tx) => this.store.setStatus(tx, tenantId, reservationId, 'Used', sessionId));
    if (updated) this.publish(updated);
  }

  /** Expires held reservations whose time has passed, and tells the station to drop them. */
  async expireDue(): Promise<number> {
    const due = await this.store.dueForExpiry(this.db, this.now(), 100);
    for (const reservation of due) {
      await this.changeStatus(reservation.tenantId, reservation.id, 'Expired');
      void this.commands.send({ tenantId: reservation.tenantId, stationId: reservation.stationId, requestedBy: 'system:reservation-expiry', action: 'CancelReservation', payload: { reservationId: reservation.id } })
        .catch((error: unknown) => this.log.debug({ err: error, reservationId: reservation.id }, 'cancel of expired reservation not delivered'));
    }
    return due.length;
  }

  startExpirySweep(intervalMs: number): void {
    this.sweepTimer = setInterval(() => {
      this.expireDue().catch((error: unknown) => this.log.error({ err: error }, 'reservation expiry sweep failed'));
    }, intervalMs);
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  private async changeStatus(tenantId: string, id: number, status: Reservation['status']): Promise<Reservation> {
    const updated = await this.commits.run((tx) => this.store.setStatus(tx, tenantId, id, status));
    if (!updated) throw new DomainError('reservation_not_found', `Reservation ${id} does not exist`);
    this.publish(updated);
    return updated;
  }

  private publish(reservation: Reservation): void {
    this.events.publish({
      type: 'reservation.updated', tenantId: reservation.tenantId, stationId: reservation.stationId, at: this.now(),
      data: { reservationId: reservation.id, status: reservation.status, sessionId: reservation.sessionId },
    });
  }
}
