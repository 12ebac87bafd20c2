// CDR storage against real database semantics (PGlite; PostgreSQL when CHARGEOPS_TEST_DATABASE_URL
// is set): one debit CDR per session, and concurrent credits never exceed the debit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { sessions, stations } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { ApiError } from '../../api/problem.js';
import { TariffService } from '../tariffs/service.js';
import { createTariffStore } from '../tariffs/store.js';
import { CdrService } from './cdr-service.js';
import { createCdrStore, type CdrRow } from './cdr-store.js';

const tenant = 'default';
const debitRow = (id: string, sessionId: string) => ({
  id, tenantId: tenant, kind: 'debit', sessionId, stationId: 'ST-CDR', evseId: 1, currency: 'EUR', totalExclVat: '10.00', totalInclVat: '12.10',
  energyKwh: '20', startedAt: new Date('2026-11-16T09:00:00Z'), endedAt: new Date('2026-11-16T10:00:00Z'), cdr: { id }, pricing: {},
});

for (const target of databaseTargets()) {
  describe(`CDR store (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    const store = createCdrStore();
    let service: CdrService;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(stations).values({ id: 'ST-CDR', tenantId: tenant, registrationStatus: 'Accepted', securityProfile: 0 });
      await db.insert(sessions).values({ id: 'S-1', tenantId: tenant, stationId: 'ST-CDR', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: 'X1', status: 'completed', startedAt: new Date('2026-11-16T09:00:00Z') });
      service = new CdrService(db, store, new TariffService(db, createTariffStore()), { countryCode: 'ZZ', partyId: 'CHO' }, pino({ level: 'silent' }));
    });
    after(async () => { await handle.close(); });

    it('keeps one debit CDR per session: a second insert returns the first', async () => {
      const first = await store.insertDebit(db, debitRow('CDR-1', 'S-1'));
      const second = await store.insertDebit(db, debitRow('CDR-2', 'S-1'));
      assert.deepEqual([first.created, second.created, second.row.id], [true, false, 'CDR-1']);
    });

    it('refuses a credit row without a reason or with a positive amount (database check)', async () => {
      await assert.rejects(store.insertCredit(db, { ...debitRow('CR-X', 'S-1'), kind: 'credit', creditsCdrId: 'CDR-1', reason: null, totalExclVat: '-1' }));
      await assert.rejects(store.insertCredit(db, { ...debitRow('CR-Y', 'S-1'), kind: 'credit', creditsCdrId: 'CDR-1', reason: 'x', totalExclVat: '1' }));
    });

    it('eight concurrent credits of 2.00 against 10.00: exactly five succeed', async () => {
      const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => service.credit(tenant, 'CDR-1', { reason: 'refund', amount: { exclVat: '2.00', inclVat: '2.42' } })));
      const ok = attempts.filter((a): a is PromiseFulfilledResult<CdrRow> => a.status === 'fulfilled');
      const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      assert.equal(ok.length, 5);
      assert.ok(refused.every((r) => r.reason instanceof ApiError && r.reason.code === 'invalid_credit'));
      assert.deepEqual(await store.creditedAgainst(db, tenant, 'CDR-1'), { excl: '-10.000000', incl: '-12.100000' });
    });
  });
}
