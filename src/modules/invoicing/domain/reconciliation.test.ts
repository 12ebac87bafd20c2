// Reconciliation messages in the currency's minor units (ISO 4217), pure: no database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { money, reconcile } from './reconciliation.js';

describe('reconciliation messages', () => {
  it('format amounts with the currency minor units: EUR 2, JPY 0, BHD 3', () => {
    assert.equal(money('4.840000', 'EUR'), '4.84 EUR');
    assert.equal(money('1200.000000', 'JPY'), '1200 JPY');
    assert.equal(money('1.250000', 'BHD'), '1.250 BHD');
  });

  it('a sub-cent difference is printed in full rather than as two equal amounts', () => {
    const [mismatch] = reconcile({
      sessions: [{ id: 'S1', stationId: 'ST', status: 'completed', energyWh: '1000', endedAt: new Date() }],
      cdrs: [{ id: 'C1', kind: 'debit', sessionId: 'S1', creditsCdrId: null, currency: 'EUR', totalExclVat: '4.000000', totalInclVat: '4.840000' }],
      lines: [{ invoiceId: 'I1', invoiceNumber: 'INV-1', invoiceKind: 'invoice', cdrId: 'C1', currency: 'EUR', exclVat: '4.000000', inclVat: '4.840000' }],
      payments: [{ id: 'P1', status: 'captured', sessionId: 'S1', invoiceId: 'I1', amountCaptured: '4.840001', amountRefunded: '0', currency: 'EUR' }],
      creditedGross: new Map(),
    });
    assert.equal(mismatch?.detail, 'captured 4.840001 EUR, the CDR says 4.84 EUR');
  });
});
