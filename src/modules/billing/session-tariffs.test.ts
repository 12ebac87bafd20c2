// A session's tariff is resolved once and shared by its running cost and its end (ADR 068), on
// PGlite and PostgreSQL (CHARGEOPS_TEST_DATABASE_URL): the end of a session (2.x Ended totalCost,
// the CDR, the 1.6 FinalCost path) reads token, payment, station + site and assignments no more,
// and prices exactly as a service that resolves everything from the database; a change of the
// pricing inputs (tariff API, token events) resolves again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { meterValues, sessions, sites, stations, tariffAssignments } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { TariffService } from '../tariffs/service.js';
import { createTariffStore } from '../tariffs/store.js';
import { CdrService } from './cdr-service.js';
import { createCdrStore } from './cdr-store.js';
import { counted } from '../../testing/statement-counter.js';

const tenant = 'default';
const start = new Date(Date.now() - 3_600_000);
const at = (minute: number) => new Date(start.getTime() + minute * 60_000);
const silent = pino({ level: 'silent' });

/** The reads that resolve a session's tariff: token, ad-hoc payment, station + site, assignments. */
const resolutionReads = (statements: string[]) => statements.filter((s) => /from "(id_tokens|payments|stations|tariff_assignments)"/.test(s)).length;

for (const target of databaseTargets()) {
  describe(`a session's tariff resolved once (${target.name}, ADR 068)`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    let tariffs: TariffService;
    let cdrs: CdrService;
    /** Resolves everything from the database each time: the reference. */
    const fresh = () => new CdrService(db, createCdrStore(), tariffs, { countryCode: 'ZZ', partyId: 'CHO' }, silent, createTariffStore(), 0);
    const ended = (sessionId: string): DomainEvent => ({ type: 'session.ended', tenantId: tenant, stationId: 'ST-ST', at: new Date(), data: { sessionId, status: 'completed' } });
    const session = async (id: string, stationId: string) => {
      await db.insert(sessions).values({ id, tenantId: tenant, stationId, evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: `TX-${id}`, status: 'active', startedAt: start, meterStartWh: '1000', energyWh: '0', idToken: 'MEMBER-1' });
      await db.insert(meterValues).values({ tenantId: tenant, stationId, sessionId: id, evseId: 1, sampledAt: at(30), measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '8000' });
      await db.update(sessions).set({ energyWh: '7000', lastMeterAt: at(30) }).where(and(eq(sessions.tenantId, tenant), eq(sessions.id, id)));
    };
    const end = async (id: string) => {
      await db.insert(meterValues).values({ tenantId: tenant, stationId: 'ST-ST', sessionId: id, evseId: 1, sampledAt: at(50), measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '13500' });
      await db.update(sessions).set({ status: 'completed', energyWh: '12500', lastMeterAt: at(50), endedAt: at(50), stoppedReason: 'Local' }).where(and(eq(sessions.tenantId, tenant), eq(sessions.id, id)));
    };

    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(sites).values({ id: 'SITE-ST', tenantId: tenant, name: 'Hamburg', country: 'DE', timeZone: 'Europe/Berlin' });
      await db.insert(stations).values([
        { id: 'ST-ST', tenantId: tenant, registrationStatus: 'Accepted', securityProfile: 0, siteId: 'SITE-ST' },
        { id: 'ST-FREE2', tenantId: tenant, registrationStatus: 'Accepted', securityProfile: 0 },
      ]);
      tariffs = new TariffService(db, createTariffStore());
      const tariff = await tariffs.create(tenant, { name: 'Energy', tariff: { id: 'STT', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.39, step_size: 1 }, { type: 'TIME', price: 0.6, step_size: 60 }] }] } as never });
      await tariffs.assign(tenant, { tariffId: tariff.id, scope: 'site', siteId: 'SITE-ST', customerGroup: 'public', validFrom: new Date('2026-01-01T00:00:00Z') } as never);
      cdrs = new CdrService(db, createCdrStore(), tariffs, { countryCode: 'ZZ', partyId: 'CHO' }, silent);
    });
    after(async () => { await handle.close(); });

    it('the running context resolves the tariff; the Ended totalCost and the CDR read none of it and price as the database does', async () => {
      await session('S-ST', 'ST-ST');
      const first = await counted(() => cdrs.runningContext(tenant, 'S-ST', 'ocpp2.0.1', new Date()));
      assert.ok(first.value && first.value !== 'no_tariff');
      assert.equal(resolutionReads(first.statements), 4, 'assignments at the station, token (unknown here, so no ad-hoc payment read), station + site, assignments');
      await end('S-ST');
      const total = await counted(() => cdrs.finalTotalCost(tenant, 'S-ST'));
      assert.equal(resolutionReads(total.statements), 0, 'the Ended answer resolves nothing again');
      const reference = await fresh().priceRecorded(tenant, 'S-ST');
      assert.equal(total.value, Number(reference!.priced.totalCost.incl_vat));
      const cdr = await counted(() => cdrs.createForSession(tenant, 'S-ST'));
      assert.equal(resolutionReads(cdr.statements), 0, 'the CDR resolves nothing again');
      assert.equal(Number(cdr.value!.totalInclVat), Number(reference!.priced.totalCost.incl_vat));
      assert.equal(Number(cdr.value!.totalExclVat), Number(reference!.priced.totalCost.excl_vat));
      assert.ok(Number(cdr.value!.totalExclVat) > 0);
    });

    it('a change of the pricing inputs resolves again: the tariff API and token events', async () => {
      await db.insert(sessions).values({ id: 'S-ST2', tenantId: tenant, stationId: 'ST-ST', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: 'TX-S-ST2', status: 'active', startedAt: start, meterStartWh: '0', energyWh: '100', lastMeterAt: at(5), idToken: 'MEMBER-1' });
      const reads = async () => resolutionReads((await counted(() => cdrs.priceRecorded(tenant, 'S-ST2'))).statements);
      assert.equal(await reads(), 4);
      assert.equal(await reads(), 0);
      cdrs.pricingInputsChanged();
      assert.equal(await reads(), 4, 'after a tariff, site or station change');
      cdrs.observe({ type: 'token.created', tenantId: tenant, at: new Date(), data: { id: 'T-1' } });
      assert.equal(await reads(), 4, 'after a token event (the customer group may have changed)');
    });

    it('an ended session with no tariff: the Ended answer and FinalCost read nothing, the CDR checks the assignments as stored', async () => {
      await db.delete(tariffAssignments).where(eq(tariffAssignments.tenantId, tenant));
      cdrs.pricingInputsChanged();
      await session('S-FREE2', 'ST-FREE2');
      assert.equal(await cdrs.runningContext(tenant, 'S-FREE2', 'ocpp1.6', new Date()), 'no_tariff');
      await db.update(sessions).set({ status: 'completed', endedAt: at(50) }).where(eq(sessions.id, 'S-FREE2'));
      // session.ended as the bus delivers it: the CDR it starts finds no tariff
      cdrs.observe(ended('S-FREE2'));
      await cdrs.idle();
      const end = await counted(async () => [await cdrs.finalTotalCost(tenant, 'S-FREE2'), await cdrs.priceRecorded(tenant, 'S-FREE2')]);
      assert.deepEqual(end.value, [undefined, null]);
      assert.deepEqual(end.statements, [], 'no statement at all');
      const cdr = await counted(() => cdrs.createForSession(tenant, 'S-FREE2'));
      assert.equal(cdr.value, null);
      assert.equal(cdr.statements.length, 2, 'the session, and whether an assignment applies at its station');
      assert.equal(await fresh().priceRecorded(tenant, 'S-FREE2'), null, 'the database agrees: no tariff');
    });

    it('a station without assignments is remembered; an assignment made elsewhere (another node) still gets its CDR', async () => {
      await session('S-FREE3', 'ST-FREE2');
      const context = await counted(() => cdrs.runningContext(tenant, 'S-FREE3', 'ocpp2.0.1', new Date(), 'ST-FREE2'));
      assert.equal(context.value, 'no_tariff');
      assert.deepEqual(context.statements, [], 'the station is known to have no assignment');
      await db.update(sessions).set({ status: 'completed', endedAt: at(50) }).where(eq(sessions.id, 'S-FREE3'));
      cdrs.observe({ type: 'session.ended', tenantId: tenant, stationId: 'ST-FREE2', at: new Date(), data: { sessionId: 'S-FREE3', status: 'completed' } });
      await cdrs.idle();
      const answer = await counted(() => cdrs.finalTotalCost(tenant, 'S-FREE3'));
      assert.deepEqual([answer.value, answer.statements], [undefined, []], 'the Ended answer reads nothing either');
      // another node assigns a tenant-wide tariff: this node's caches do not know
      const tariff = await tariffs.create(tenant, { name: 'Late', tariff: { id: 'LATE', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.5, step_size: 1 }] }] } as never });
      await db.insert(tariffAssignments).values({ id: 'A-LATE', tenantId: tenant, tariffId: tariff.id, scope: 'tenant', customerGroup: 'public', validFrom: new Date('2026-01-01T00:00:00Z') });
      await end('S-FREE3');
      const cdr = await cdrs.createForSession(tenant, 'S-FREE3');
      const reference = await fresh().priceRecorded(tenant, 'S-FREE3');
      assert.ok(cdr && reference, 'the CDR is made from the assignments as stored');
      assert.equal(Number(cdr.totalExclVat), Number(reference.priced.totalCost.excl_vat));
    });
  });
}
