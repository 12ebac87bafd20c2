// The end of a session reads nothing per session for the CDR when no tariff is known to apply to it
// (ADR 093), on PGlite and PostgreSQL (CHARGEOPS_TEST_DATABASE_URL): the sessions that end at
// stations remembered without assignments are confirmed together against the assignments as
// stored, one statement for all of them; a station that has an assignment by then (one made
// through another node, unknown to this node's caches) still gets its CDRs, priced exactly as a
// service that resolves everything from the database prices them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { cdrs as cdrTable, meterValues, sessions, sites, stations, tariffAssignments, tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { TariffService } from '../tariffs/service.js';
import { createTariffStore } from '../tariffs/store.js';
import { CdrService } from './cdr-service.js';
import { createCdrStore } from './cdr-store.js';
import { counted } from '../../testing/statement-counter.js';

const start = new Date(Date.now() - 3_600_000);
const at = (minute: number) => new Date(start.getTime() + minute * 60_000);
const silent = pino({ level: 'silent' });
const party = { countryCode: 'ZZ', partyId: 'CHO' };


for (const target of databaseTargets()) {
  describe(`the CDR at a session's end reads nothing per session without a tariff (${target.name}, ADR 093)`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    let tariffs: TariffService;
    /** Resolves everything from the database each time: the reference. */
    const fresh = () => new CdrService(db, createCdrStore(), tariffs, party, silent, createTariffStore(), 0);
    const ended = (tenantId: string, stationId: string, sessionId: string): DomainEvent => ({
      type: 'session.ended', tenantId, stationId, at: new Date(), data: { sessionId, status: 'completed', energyWh: '7000', idToken: 'RFID-1' },
    });
    /** A session charging 7 kWh from minute 0 to 50. */
    const session = async (tenantId: string, id: string, stationId: string) => {
      await db.insert(sessions).values({
        id, tenantId, stationId, evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: `TX-${id}`, status: 'active', startedAt: start,
        meterStartWh: '1000', energyWh: '7000', lastMeterAt: at(50), idToken: 'RFID-1',
      });
      await db.insert(meterValues).values({ tenantId, stationId, sessionId: id, evseId: 1, sampledAt: at(50), measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '8000' });
    };
    /** The sessions end at minute 50, as stored before session.ended is published. */
    const finish = async (...ids: string[]) => {
      for (const id of ids) await db.update(sessions).set({ status: 'completed', endedAt: at(50), stoppedReason: 'Local' }).where(eq(sessions.id, id));
    };
    const cdrOf = async (sessionId: string) => (await db.select().from(cdrTable).where(eq(cdrTable.sessionId, sessionId)))[0] ?? null;
    const tariff = async (tenantId: string, id: string) => tariffs.create(tenantId, {
      name: id, tariff: { id, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }] } as never,
    });

    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: 'other', name: 'Other' });
      await db.insert(sites).values({ id: 'SITE-E', tenantId: 'default', name: 'Hamburg', country: 'DE', timeZone: 'Europe/Berlin' });
      await db.insert(stations).values([
        { id: 'E-1', tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 0 },
        { id: 'E-2', tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 0, siteId: 'SITE-E' },
        { id: 'E-3', tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 0 },
        { id: 'E-O', tenantId: 'other', registrationStatus: 'Accepted', securityProfile: 0 },
      ]);
      tariffs = new TariffService(db, createTariffStore());
    });
    after(async () => { await handle.close(); });

    it('the first running cost at stations not known yet: their assignments asked together, the sessions not read', async () => {
      const cdrs = new CdrService(db, createCdrStore(), tariffs, party, silent);
      for (const [id, stationId] of [['R-1', 'E-1'], ['R-2', 'E-2'], ['R-3', 'E-3']]) await session('default', id!, stationId!);
      const first = await counted(() => Promise.all([['R-1', 'E-1'], ['R-2', 'E-2'], ['R-3', 'E-3']].map(([id, stationId]) => cdrs.runningContext('default', id!, 'ocpp2.0.1', new Date(), stationId))));
      assert.deepEqual(first.value, ['no_tariff', 'no_tariff', 'no_tariff']);
      assert.equal(first.statements.length, 1, first.statements.join('\n'));
      assert.match(first.statements[0]!, /tariff_assignments/);
      await finish('R-1', 'R-2', 'R-3');
    });

    it('twelve sessions ended at stations without assignments: one statement for all of them, no CDR', async () => {
      const cdrs = new CdrService(db, createCdrStore(), tariffs, party, silent);
      const ids = Array.from({ length: 12 }, (_, i) => `N-${i}`);
      const stationOf = (i: number) => (i % 3 === 0 ? 'E-1' : i % 3 === 1 ? 'E-2' : 'E-3');
      for (const [i, id] of ids.entries()) await session('default', id, stationOf(i));
      // The running cost of the first session at each station finds no assignment (and remembers it).
      for (const i of [0, 1, 2]) assert.equal(await cdrs.runningContext('default', ids[i]!, 'ocpp2.0.1', new Date(), stationOf(i)), 'no_tariff');
      await finish(...ids);
      const end = await counted(async () => {
        for (const [i, id] of ids.entries()) cdrs.observe(ended('default', stationOf(i), id));
        await cdrs.idle();
      });
      assert.equal(end.statements.length, 1, `one statement for twelve ends, not one per session: ${end.statements.join('\n')}`);
      assert.match(end.statements[0]!, /tariff_assignments/);
      for (const id of ids) assert.equal(await cdrOf(id), null);
      assert.equal(await fresh().priceRecorded('default', 'N-0'), null, 'the database agrees: no tariff');
    });

    it('an assignment made through another node before the end: the sessions ended at that station get their CDR, exactly', async () => {
      const cdrs = new CdrService(db, createCdrStore(), tariffs, party, silent);
      for (const id of ['L-1', 'L-2']) await session('default', id, 'E-2');
      await session('default', 'L-3', 'E-3');
      await session('other', 'L-O', 'E-O');
      for (const [id, stationId, tenantId] of [['L-1', 'E-2', 'default'], ['L-3', 'E-3', 'default'], ['L-O', 'E-O', 'other']] as const) {
        assert.equal(await cdrs.runningContext(tenantId, id, 'ocpp2.0.1', new Date(), stationId), 'no_tariff');
      }
      // another node assigns a tariff to E-2's site: this node's caches do not know
      await finish('L-1', 'L-2', 'L-3', 'L-O');
      const late = await tariff('default', 'LATE');
      await db.insert(tariffAssignments).values({ id: 'A-SITE', tenantId: 'default', tariffId: late.id, scope: 'site', siteId: 'SITE-E', customerGroup: 'public', validFrom: new Date('2026-01-01T00:00:00Z') });
      for (const [id, stationId, tenantId] of [['L-1', 'E-2', 'default'], ['L-2', 'E-2', 'default'], ['L-3', 'E-3', 'default'], ['L-O', 'E-O', 'other']] as const) {
        cdrs.observe(ended(tenantId, stationId, id));
      }
      await cdrs.idle();
      for (const id of ['L-1', 'L-2']) {
        const cdr = await cdrOf(id);
        const reference = await fresh().priceRecorded('default', id);
        assert.ok(cdr && reference, `${id}: the CDR is made from the assignments as stored`);
        assert.equal(Number(cdr.totalExclVat), Number(reference.priced.totalCost.excl_vat));
        assert.equal(Number(cdr.totalExclVat), 2.8, '7 kWh at 0.40');
      }
      assert.equal(await cdrOf('L-3'), null, 'another station of the tenant without an assignment');
      assert.equal(await cdrOf('L-O'), null, 'another tenant');
      await db.delete(tariffAssignments).where(eq(tariffAssignments.id, 'A-SITE'));
    });

    it('an assignment made through this node takes effect at once; a tenant-wide one made elsewhere is seen by the confirmation', async () => {
      const cdrs = new CdrService(db, createCdrStore(), tariffs, party, silent);
      await session('default', 'T-1', 'E-1');
      assert.equal(await cdrs.runningContext('default', 'T-1', 'ocpp2.0.1', new Date(), 'E-1'), 'no_tariff');
      const own = await tariff('default', 'OWN');
      await tariffs.assign('default', { tariffId: own.id, scope: 'station', stationId: 'E-1', customerGroup: 'public', validFrom: new Date('2026-01-01T00:00:00Z') } as never);
      cdrs.pricingInputsChanged(); // what the tariff API's write does on this node
      await finish('T-1');
      cdrs.observe(ended('default', 'E-1', 'T-1'));
      await cdrs.idle();
      assert.equal(Number((await cdrOf('T-1'))?.totalExclVat), 2.8);

      await session('other', 'T-O', 'E-O');
      assert.equal(await cdrs.runningContext('other', 'T-O', 'ocpp2.0.1', new Date(), 'E-O'), 'no_tariff');
      const elsewhere = await tariff('other', 'ELSEWHERE');
      await finish('T-O');
      await db.insert(tariffAssignments).values({ id: 'A-TENANT', tenantId: 'other', tariffId: elsewhere.id, scope: 'tenant', customerGroup: 'public', validFrom: new Date('2026-01-01T00:00:00Z') });
      cdrs.observe(ended('other', 'E-O', 'T-O'));
      await cdrs.idle();
      assert.equal(Number((await cdrOf('T-O'))?.totalExclVat), 2.8);
    });

    it('a session with a tariff resolved during the charge: its CDR reads no assignment at the end', async () => {
      const cdrs = new CdrService(db, createCdrStore(), tariffs, party, silent);
      await session('default', 'P-1', 'E-1');
      const context = await cdrs.runningContext('default', 'P-1', 'ocpp2.0.1', new Date(), 'E-1');
      assert.ok(context && context !== 'no_tariff');
      await finish('P-1');
      const end = await counted(async () => {
        cdrs.observe(ended('default', 'E-1', 'P-1'));
        await cdrs.idle();
      });
      assert.equal(end.statements.filter((s) => /tariff_assignments|id_tokens|payments|"stations"/.test(s)).length, 0, end.statements.join('\n'));
      const reference = await fresh().priceRecorded('default', 'P-1');
      assert.equal(Number((await cdrOf('P-1'))?.totalExclVat), Number(reference!.priced.totalCost.excl_vat));
    });
  });
}
