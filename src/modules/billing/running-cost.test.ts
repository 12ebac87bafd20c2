// Running cost from the in-memory pricing context (ADR 062), against real database semantics
// (PGlite; PostgreSQL when CHARGEOPS_TEST_DATABASE_URL is set): after the first priced update of a
// session, a priced meter update sends no statement at all, and its total equals what the CDR path
// (CdrService.priceRecorded, everything read from the database) computes for the same moment.
// A tariff change and the session's end drop the context.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { meterValues, sessions, sites, stations, tariffAssignments } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { TariffService } from '../tariffs/service.js';
import { createTariffStore } from '../tariffs/store.js';
import { CdrService } from './cdr-service.js';
import { createCdrStore } from './cdr-store.js';
import { RunningCostNotifier } from './running-cost.js';

const tenant = 'default';
const start = new Date('2026-11-16T09:00:00Z');
const minutes = (m: number) => new Date(start.getTime() + m * 60_000);

/** Every statement sent to PGlite or node-postgres while `counting` is on. */
let statements = 0;
let counting = false;
for (const proto of [PGlite.prototype, pg.Client.prototype] as Array<{ query: (...args: unknown[]) => unknown }>) {
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (counting) statements += 1;
    return original.apply(this, args);
  };
}

for (const target of databaseTargets()) {
  describe(`running cost from memory (${target.name}, ADR 062)`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    let cdrs: CdrService;
    let notifier: RunningCostNotifier;
    let now = start;
    const sent: Array<{ action: string; payload: { totalCost?: number } }> = [];
    const updated = (energyWh: number, at: Date): DomainEvent => ({
      type: 'session.updated', tenantId: tenant, stationId: 'ST-RC', at,
      data: { sessionId: 'S-RC', externalId: 'TX-RC', status: 'active', energyWh: String(energyWh), lastMeterAt: at.toISOString() },
    });
    /** The meter reading as the sessions module stores it, then its session.updated; the statements of the notifier's work only. */
    const meter = async (energyWh: number, minute: number) => {
      now = minutes(minute);
      await db.insert(meterValues).values({ tenantId: tenant, stationId: 'ST-RC', sessionId: 'S-RC', evseId: 1, sampledAt: now, measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: String(1000 + energyWh) });
      await db.update(sessions).set({ energyWh: String(energyWh), lastMeterAt: now }).where(and(eq(sessions.tenantId, tenant), eq(sessions.id, 'S-RC')));
      statements = 0;
      counting = true;
      notifier.observe(updated(energyWh, now));
      await notifier.idle();
      counting = false;
      return statements;
    };
    const lastTotal = () => sent.at(-1)!.payload.totalCost;
    const recordedTotal = async () => {
      const result = await cdrs.priceRecorded(tenant, 'S-RC', now);
      return Number(result!.priced.totalCost.incl_vat);
    };

    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(sites).values({ id: 'SITE-RC', tenantId: tenant, name: 'Berlin', country: 'DE', timeZone: 'Europe/Berlin' });
      await db.insert(stations).values({ id: 'ST-RC', tenantId: tenant, registrationStatus: 'Accepted', securityProfile: 0, siteId: 'SITE-RC' });
      await db.insert(sessions).values({ id: 'S-RC', tenantId: tenant, stationId: 'ST-RC', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: 'TX-RC', status: 'active', startedAt: start, meterStartWh: '1000', energyWh: '0' });
      const tariffs = new TariffService(db, createTariffStore());
      const tariff = await tariffs.create(tenant, { name: 'Energy and time', tariff: { id: 'RC', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }, { type: 'TIME', price: 1.2, step_size: 60 }] }] } as never });
      await tariffs.assign(tenant, { tariffId: tariff.id, scope: 'tenant', customerGroup: 'public', validFrom: new Date('2026-01-01T00:00:00Z') });
      cdrs = new CdrService(db, createCdrStore(), tariffs, { countryCode: 'ZZ', partyId: 'CHO' }, pino({ level: 'silent' }));
      const sender = { versionOf: async () => 'ocpp2.0.1', send: async (request: { action: string; payload: unknown }) => { sent.push(request as never); return {}; } };
      notifier = new RunningCostNotifier(cdrs, sender, pino({ level: 'silent' }), 0, () => now, 24 * 3_600_000);
    });
    after(async () => { await handle.close(); });

    it('the first priced update reads the context; the next ten read nothing and price exactly as the CDR path', async () => {
      assert.ok((await meter(2000, 10)) > 0, 'the first update loads the context');
      assert.equal(lastTotal(), await recordedTotal());
      const perUpdate: number[] = [];
      // charging, then 30 minutes parked (no energy), then charging again: the timeline split matters
      for (const [energy, minute] of [[4000, 20], [6000, 30], [6000, 45], [6000, 60], [8000, 70], [9500, 80], [11000, 90], [12000, 100], [12000, 110], [13500, 120]] as const) {
        perUpdate.push(await meter(energy, minute));
        assert.equal(lastTotal(), await recordedTotal(), `at minute ${minute}`);
      }
      assert.deepEqual(perUpdate, Array(10).fill(0), 'no statement per priced meter update');
      assert.equal(sent.length, 11);
      assert.equal(notifier.cachedSessions, 1);
    });

    it('a tariff change drops the context (read again at the next price); the session end forgets it', async () => {
      notifier.tariffsChanged();
      assert.ok((await meter(15000, 130)) > 0, 'read again after a tariff change');
      assert.equal(lastTotal(), await recordedTotal());
      assert.equal(await meter(16000, 140), 0);
      now = minutes(140 + 24 * 60);
      assert.ok((await meter(16500, 140 + 24 * 60)) > 0, 'read again once the context is older than its maximum age');
      notifier.observe({ type: 'session.ended', tenantId: tenant, stationId: 'ST-RC', at: now, data: { sessionId: 'S-RC', externalId: 'TX-RC', status: 'closed' } });
      assert.equal(notifier.cachedSessions, 0);
    });

    it('a session no tariff applies to is remembered as such: its meter updates read nothing either', async () => {
      await db.insert(stations).values({ id: 'ST-FREE', tenantId: tenant, registrationStatus: 'Accepted', securityProfile: 0 });
      await db.insert(sessions).values({ id: 'S-FREE', tenantId: tenant, stationId: 'ST-FREE', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: 'TX-FREE', status: 'active', startedAt: start, meterStartWh: '0', energyWh: '0', idToken: 'MEMBER-X' });
      const free = (energyWh: number, minute: number): DomainEvent => ({ ...updated(energyWh, minutes(minute)), stationId: 'ST-FREE', data: { sessionId: 'S-FREE', externalId: 'TX-FREE', status: 'active', energyWh: String(energyWh), lastMeterAt: minutes(minute).toISOString() } });
      const sends = sent.length;
      const counted = async (event: DomainEvent) => {
        statements = 0;
        counting = true;
        notifier.observe(event);
        await notifier.idle();
        counting = false;
        return statements;
      };
      // 'members' is asked for a known token only; this one is unknown: 'public', which only the tenant-wide assignment serves
      await db.delete(tariffAssignments).where(eq(tariffAssignments.tenantId, tenant));
      assert.ok((await counted(free(1000, 10))) > 0);
      assert.deepEqual([await counted(free(2000, 20)), await counted(free(3000, 30))], [0, 0]);
      assert.equal(sent.length, sends, 'nothing is sent without a tariff');
    });
  });
}
