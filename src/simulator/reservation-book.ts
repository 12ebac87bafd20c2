// The reservations a simulated station holds (ReserveNow): on one connector (2.x: EVSE) or on any,
// for a token or its group, until they expire, are cancelled or are used by a session.
import type { Clock, TimerHandle } from './clock.js';

export type Reservation = {
  id: number;
  /** undefined: any connector of the station (1.6 connectorId 0, 2.x without evseId). */
  connectorId: number | undefined;
  idToken: string;
  groupIdToken?: string;
  expiresAt: Date;
};

export class ReservationBook {
  private readonly byId = new Map<number, Reservation & { timer: TimerHandle }>();

  constructor(private readonly clock: Clock, private readonly onExpired: (reservation: Reservation) => Promise<void>) {}

  list(): Reservation[] {
    return [...this.byId.values()].map(({ timer: _timer, ...reservation }) => reservation);
  }

  add(reservation: Reservation): void {
    const delay = Math.max(0, reservation.expiresAt.getTime() - this.clock.now().getTime());
    const timer = this.clock.setTimeout(() => {
      if (this.byId.get(reservation.id)?.timer !== timer) return;
      this.byId.delete(reservation.id);
      return this.onExpired(reservation);
    }, delay);
    this.byId.set(reservation.id, { ...reservation, timer });
  }

  remove(id: number): Reservation | undefined {
    const found = this.byId.get(id);
    if (!found) return undefined;
    this.clock.clearTimeout(found.timer);
    this.byId.delete(id);
    const { timer: _timer, ...reservation } = found;
    return reservation;
  }

  onConnector(connectorId: number): Reservation | undefined {
    for (const reservation of this.byId.values()) if (reservation.connectorId === connectorId) return reservation;
    return undefined;
  }

  /**
   * May `idToken` use this connector? Not when it is reserved for someone else, nor when taking it
   * would leave fewer free connectors (`freeOtherConnectors`: free ones besides this) than there
   * are "any connector" reservations of others.
   */
  allows(connectorId: number, idToken: string, groupIdToken: string | undefined, freeOtherConnectors: number): boolean {
    const here = this.onConnector(connectorId);
    if (here) return matches(here, idToken, groupIdToken);
    const anyReservations = [...this.byId.values()].filter((r) => r.connectorId === undefined);
    if (anyReservations.length === 0 || anyReservations.some((r) => matches(r, idToken, groupIdToken))) return true;
    return freeOtherConnectors >= anyReservations.length;
  }

  /** The reservation a session for `idToken` on this connector uses up (removed from the book). */
  takeFor(connectorId: number, idToken: string, groupIdToken: string | undefined): Reservation | undefined {
    const here = this.onConnector(connectorId);
    const used = here && matches(here, idToken, groupIdToken)
      ? here
      : [...this.byId.values()].find((r) => r.connectorId === undefined && matches(r, idToken, groupIdToken));
    return used ? this.remove(used.id) : undefined;
  }
}

const matches = (reservation: Reservation, idToken: string, groupIdToken: string | undefined): boolean =>
  reservation.idToken === idToken || (reservation.groupIdToken !== undefined && reservation.groupIdToken === groupIdToken);
