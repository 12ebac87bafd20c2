import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed, loadSeedFile } from './seed.js';

const OCPP16_CODES = ['ConnectorLockFailure', 'EVCommunicationError', 'GroundFailure', 'HighTemperature', 'InternalError', 'LocalListConflict', 'NoError',
  'OtherError', 'OverCurrentFailure', 'OverVoltage', 'PowerMeterFailure', 'PowerSwitchFailure', 'ReaderFailure', 'ResetFailure', 'UnderVoltage', 'WeakSignal'];

describe('knowledge base seed files', () => {
  const seed = loadSeed();

  it('every data file loads against the schema, with unique ids', () => {
    assert.ok(seed.files.length >= 6, `files: ${seed.files.map((f) => f.file).join(', ')}`);
    assert.equal(new Set(seed.entries.map((e) => e.id)).size, seed.entries.length);
  });

  it('every entry cites its source (a URL or a specification with its URL)', () => {
    for (const entry of seed.entries) assert.match(entry.source, /https:\/\/\S+/, `${entry.id} cites no URL`);
  });

  it('seeds every OCPP 1.6 ChargePointErrorCode', () => {
    const codes = seed.entries.filter((e) => e.id.startsWith('ocpp16.')).map((e) => e.errorCode);
    assert.deepEqual([...codes].sort(), [...OCPP16_CODES].sort());
  });

  it('seeds ChargeX MREC codes under vendorId https://chargex.inl.gov, CX0nn only', () => {
    const cx = seed.entries.filter((e) => e.id.startsWith('chargex.'));
    assert.ok(cx.length >= 20);
    for (const entry of cx) {
      assert.equal(entry.vendorId, 'https://chargex.inl.gov');
      assert.match(entry.vendorErrorCode ?? '', /^CX0\d\d$/);
    }
  });

  it('refuses a file that breaks the schema, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ $comment: '', title: 'x', entries: [{ id: 'x.y', severity: 'awful' }] }));
    assert.throws(() => loadSeedFile(path), /bad\.json: \/entries\/0/);
  });

  it('refuses an entry that keys on no code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    const path = join(dir, 'nocode.json');
    const entry = { id: 'x.y', vendor: 'ACME', modelPattern: null, firmwareMin: null, firmwareMax: null, ocppVersion: null, errorCode: null, vendorId: 'acme', vendorErrorCode: null,
      component: null, variable: null, eventCode: null, meaning: 'm', severity: 'minor', probableCause: 'c', remoteAction: 'none', technicianInstructions: 't', source: 'https://example.org' };
    writeFileSync(path, JSON.stringify({ $comment: '', title: 'x', entries: [entry] }));
    assert.throws(() => loadSeedFile(path), /keys on no code/);
  });
});
