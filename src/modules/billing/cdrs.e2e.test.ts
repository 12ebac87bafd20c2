// End to end over a real WebSocket: an OCPP 2.0.1 station charges 20 kWh and idles 40 minutes;
// at session.ended the CSMS stores an immutable OCPI CDR priced with the assigned tariff
// (tariff_10 of the OCPI examples: 7.00 / 7.90 per WORKED-COSTS.md); a credit CDR corrects it.
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { after, before, describe, it } from 'node:test';
import { cdrs, sites, stations } from '../../infra/db/schema.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { loadOcpiExample } from '../tariffs/pricing/ocpi-examples.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 9, minute)).toISOString(); // Monday 10:00 in Berlin

describe('CDRs from a station session (OCPP 2.0.1)', () => {
  let server: Server;
  let cdrId = '';
  before(async () => {
    server = await startTestServer(process.env.CDR_TEST_LOG ? { logLevel: 'warn' } : {});
    await server.db.insert(sites).values({ id: 'SITE-BER', tenantId: 'default', name: 'Berlin Mitte', country: 'DE', city: 'Berlin', timeZone: 'Europe/Berlin' });
    const created = await server.api.request('POST', '/api/v1/tariffs', { name: 'OCPI example 10', tariff: loadOcpiExample('tariff_10_025kwh_parking_start.json') });
    assert.equal(created.status, 201);
    assert.equal((await server.api.request('POST', `/api/v1/tariffs/${created.body.id}/assignments`, { scope: 'tenant', customerGroup: 'public', validFrom: '2026-01-01T00:00:00Z' })).status, 201);
    assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken: 'RFID-CDR', type: 'ISO14443' })).status, 201);
  });
  after(() => server.stop());

  it('TC_E_01_CSMS / TC_J_02_CSMS / TC_I_02_CSMS: Started, meter values, Ended -> one CDR with OCPI periods, totals and explanation', async () => {
    const station = await RawStation.connect(server.baseUrl, 'CDR-201', ['ocpp2.0.1']);
    await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    await server.db.update(stations).set({ siteId: 'SITE-BER' }).where(eq(stations.id, 'CDR-201'));
    const base = { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'RFID-CDR', type: 'ISO14443' } };
    const energy = (wh: number, context: string) => ({ value: wh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' }, context });
    await station.call('TransactionEvent', { ...base, eventType: 'Started', seqNo: 0, timestamp: at(0), triggerReason: 'Authorized',
      transactionInfo: { transactionId: 'TX-CDR', chargingState: 'Charging' }, meterValue: [{ timestamp: at(0), sampledValue: [energy(1000, 'Transaction.Begin')] }] });
    await station.call('TransactionEvent', { ...base, eventType: 'Updated', seqNo: 1, timestamp: at(60), triggerReason: 'ChargingStateChanged',
      transactionInfo: { transactionId: 'TX-CDR', chargingState: 'SuspendedEV' },
      meterValue: [{ timestamp: at(60), sampledValue: [energy(21000, 'Sample.Periodic'), { value: 16, measurand: 'Current.Import', phase: 'L1', unitOfMeasure: { unit: 'A' } }] }] });
    const ended = await station.call('TransactionEvent', { ...base, eventType: 'Ended', seqNo: 2, timestamp: at(100), triggerReason: 'EVDeparted',
      transactionInfo: { transactionId: 'TX-CDR', stoppedReason: 'EVDisconnected', chargingState: 'Idle' }, meterValue: [{ timestamp: at(100), sampledValue: [energy(21000, 'Transaction.End')] }] });
    assert.equal((ended[2] as { totalCost?: number }).totalCost, 7.9, 'TC_I_02_CSMS: the final total cost incl. VAT in the Ended answer');
    await station.close();

    let list: { body: { items: Array<{ id: string; totalExclVat: string; totalInclVat: string; kind: string }> } } = { body: { items: [] } };
    await waitUntil(async () => {
      list = await server.api.request('GET', '/api/v1/cdrs');
      return list.body.items.length === 1;
    });
    const [summary] = list.body.items;
    cdrId = summary!.id;
    assert.deepEqual([summary!.kind, summary!.totalExclVat, summary!.totalInclVat], ['debit', '7.00', '7.90']);

    const detail = (await server.api.request('GET', `/api/v1/cdrs/${cdrId}`)).body;
    assert.equal(detail.cdr.total_cost.excl_vat, 7);
    assert.equal(detail.cdr.total_cost.incl_vat, 7.9);
    assert.equal(detail.cdr.total_energy, 20);
    assert.equal(detail.cdr.total_parking_time, 0.666667);
    assert.equal(detail.cdr.auth_method, 'AUTH_REQUEST');
    assert.equal(detail.cdr.cdr_location.country, 'DEU', 'OCPI: ISO 3166-1 alpha-3');
    assert.equal(detail.cdr.cdr_token.uid, 'RFID-CDR');
    assert.deepEqual(detail.cdr.charging_periods.map((p: { dimensions: Array<{ type: string; volume: number }> }) => p.dimensions.map((d) => `${d.type}=${d.volume}`).join(' ')),
      ['ENERGY=20 TIME=1', 'PARKING_TIME=0.666667']);
    assert.equal(detail.pricing.customerGroup, 'members');
    assert.match(detail.pricing.assignmentReason, /no members tariff covers this EVSE/);
    assert.deepEqual(detail.pricing.lines.map((l: { dimension: string; excl: string }) => `${l.dimension} ${l.excl}`), ['FLAT 0.5', 'ENERGY 5', 'PARKING_TIME 1.5']);
  });

  it('credits never edit the CDR, and cannot exceed what was charged', async () => {
    const partial = await server.api.request('POST', `/api/v1/cdrs/${cdrId}/credit`, { reason: 'parking fee waived', amount: { exclVat: '1.50', inclVat: '1.80' } });
    assert.equal(partial.status, 201, JSON.stringify(partial.body));
    assert.deepEqual([partial.body.kind, partial.body.totalExclVat, partial.body.cdr.credit_reference_id], ['credit', '-1.50', cdrId]);
    const tooMuch = await server.api.request('POST', `/api/v1/cdrs/${cdrId}/credit`, { reason: 'again', amount: { exclVat: '6.00', inclVat: '6.00' } });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.code, 'invalid_credit');
    const rest = await server.api.request('POST', `/api/v1/cdrs/${cdrId}/credit`, { reason: 'goodwill' });
    assert.deepEqual([rest.body.totalExclVat, rest.body.totalInclVat], ['-5.50', '-6.10']);
    const nothingLeft = await server.api.request('POST', `/api/v1/cdrs/${cdrId}/credit`, { reason: 'third' });
    assert.equal(nothingLeft.status, 422);
    const creditOfCredit = await server.api.request('POST', `/api/v1/cdrs/${rest.body.id}/credit`, { reason: 'no' });
    assert.equal(creditOfCredit.status, 422);
    const original = (await server.api.request('GET', `/api/v1/cdrs/${cdrId}`)).body;
    assert.equal(original.totalExclVat, '7.00');
    const rows = await server.db.select().from(cdrs).where(eq(cdrs.sessionId, original.sessionId));
    assert.equal(rows.length, 3);
  });

  it('TC_I_01_CSMS: a 2.x station gets the running cost in a CostUpdated while charging', async () => {
    const station = await RawStation.connect(server.baseUrl, 'COST-201', ['ocpp2.0.1']);
    await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    await server.db.update(stations).set({ siteId: 'SITE-BER' }).where(eq(stations.id, 'COST-201'));
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const base = { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'RFID-CDR', type: 'ISO14443' }, transactionInfo: { transactionId: 'TX-COST', chargingState: 'Charging' } };
    const energy = (wh: number) => ({ value: wh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } });
    await station.call('TransactionEvent', { ...base, eventType: 'Started', seqNo: 0, timestamp: ago(30), triggerReason: 'Authorized', meterValue: [{ timestamp: ago(30), sampledValue: [energy(1000)] }] });
    await station.call('TransactionEvent', { ...base, eventType: 'Updated', seqNo: 1, timestamp: ago(10), triggerReason: 'MeterValuePeriodic', meterValue: [{ timestamp: ago(10), sampledValue: [energy(11000)] }] });
    // tariff_10 so far: flat 0.50 + 10 kWh × 0.25, incl. VAT 0.60 + 2.75
    const cost = await station.answerNext('CostUpdated', {});
    assert.deepEqual(cost, { totalCost: 3.35, transactionId: 'TX-COST' });
    await station.close();
  });
  it('1.6 running cost per the OCA California Pricing whitepaper: DataTransfer org.openchargealliance.costmsg / RunningCost', async () => {
    const station = await RawStation.connect(server.baseUrl, 'COST-16', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    await server.db.update(stations).set({ siteId: 'SITE-BER' }).where(eq(stations.id, 'COST-16'));
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const started = await station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-CDR', meterStart: 1000, timestamp: ago(30) });
    const transactionId = (started[2] as { transactionId: number }).transactionId;
    await station.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: ago(10), sampledValue: [{ value: '11000', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }] });
    const transfer = await station.answerNext('DataTransfer', { status: 'Accepted' }) as { vendorId: string; messageId: string; data: string };
    assert.deepEqual([transfer.vendorId, transfer.messageId], ['org.openchargealliance.costmsg', 'RunningCost']);
    const data = JSON.parse(transfer.data) as Record<string, unknown>;
    assert.deepEqual([data.transactionId, data.meterValue, data.cost, data.state], [transactionId, 11000, 3.35, 'Charging']);
    // At the end, FinalCost (same whitepaper): 1.6's StopTransaction.conf has no total.
    await station.call('StopTransaction', { transactionId, meterStop: 13000, timestamp: ago(5), idTag: 'RFID-CDR' });
    const final = await station.answerNext('DataTransfer', { status: 'Accepted' }) as { vendorId: string; messageId: string; data: string };
    assert.deepEqual([final.vendorId, final.messageId], ['org.openchargealliance.costmsg', 'FinalCost']);
    const finalData = JSON.parse(final.data) as { transactionId: number; cost: number; priceText: string };
    const cdrOf16 = async () => (await server.api.request('GET', '/api/v1/cdrs?limit=50')).body.items.find((c: unknown) => JSON.stringify(c).includes('COST-16'));
    await waitUntil(async () => (await cdrOf16()) !== undefined);
    const cdr = await cdrOf16();
    assert.equal(finalData.transactionId, transactionId);
    assert.equal(finalData.cost, Number(cdr.totalInclVat), 'FinalCost is the CDR total incl. VAT');
    assert.match(finalData.priceText, /^\d+\.\d{2} EUR for 12\.00 kWh$/);
    await station.close();
  });
});
