// Reservations (Drizzle; PGlite and node-postgres alike). Ids come from reservation_id_seq.
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { reservations } from '../../infra/db/schema.js';
import type { Reservation, ReservationStatus } from './reservation.js';

type Row = typeof reservations.$inferSelect;
const toReservation = (row: Row): Reservation => ({ ...row, status: row.status as ReservationStatus });

export function createReservationStore() {
  return {
    async nextId(ex: Executor): Promise<number> {
      const result = await ex.execute(sql`select nextval('reservation_id_seq') as id`);
      return Number((result as unknown as { rows: Array<{ id: number | string }> }).rows[0]!.id);
    },
    async insert(ex: Executor, reservation: Omit<Reservation, 'createdAt' | 'updatedAt' | 'sessionId'>): Promise<void> {
      await ex.insert(reservations).values(reservation);
    },
    async setStatus(ex: Executor, tenantId: string, id: number, status: ReservationStatus, sessionId?: string): Promise<Reservation | null> {
      const [row] = await ex.update(reservations)
        .set({ status, updatedAt: new Date(), ...(sessionId ? { sessionId } : {}) })
        .where(and(eq(reservations.tenantId, tenantId), eq(reservations.id, id)))
        .returning();
      return row ? toReservation(row) : null;
    },
    async get(ex: Executor, tenantId: string, id: number): Promise<Reservation | null> {
      const [row] = await ex.select().from(reservations).where(and(eq(reservations.tenantId, tenantId), eq(reservations.id, id)));
      return row ? toReservation(row) : null;
    },
    /** Newest first; cursor = last id of the previous page. */
    async list(ex: Executor, tenantId: string, query: { limit: number; cursor?: number; stationId?: string; status?: string }) {
      const rows = await ex.select().from(reservations).where(and(
        eq(reservations.tenantId, tenantId),
        query.stationId ? eq(reservations.stationId, query.stationId) : undefined,
        query.status ? eq(reservations.status, query.status) : undefined,
        query.cursor ? lt(reservations.id, query.cursor) : undefined,
      )).orderBy(desc(reservations.id)).limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(toReservation);
      return { items, nextCursor: rows.length > query.limit ? String(items[items.length - 1]!.id) : null };
    },
    /** Held reservations whose expiry has passed, oldest first (all tenants: the sweep is system work). */
    async dueForExpiry(ex: Executor, now: Date, limit: number): Promise<Reservation[]> {
      const rows = await ex.select().from(reservations)
        .where(and(inArray(reservations.status, ['Accepted', 'Requested']), lte(reservations.expiresAt, now)))
        .orderBy(asc(reservations.expiresAt)).limit(limit);
      return rows.map(toReservation);
    },
  };
}

export type ReservationStore = ReturnType<typeof createReservationStore>;
