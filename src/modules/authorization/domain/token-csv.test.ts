import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTokenCsv, parseCsv, parseTokenCsv } from './token-csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF, and a byte-order mark', () => {
    const { records, problems } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });
  it('reports an unterminated quote', () => {
    assert.deepEqual(parseCsv('a\n"open').problems, [{ line: 2, message: 'a quoted field is not closed' }]);
  });
  it('reads a last line without a line break', () => {
    assert.deepEqual(parseCsv('a,b\n1,2').records.at(-1), { line: 2, fields: ['1', '2'] });
  });
});

describe('parseTokenCsv', () => {
  it('reads every column, in any order, with defaults for empty cells', () => {
    const { rows, problems } = parseTokenCsv('type,idToken,blocked,expiresAt,groupIdToken,language,owner,masterPass\n'
      + 'ISO14443,AABB,yes,2031-01-01T00:00:00Z,FLEET,en,"Doe, Jane",1\nKeyCode,1234,,,,,,\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(rows, [
      { line: 2, token: { idToken: 'AABB', type: 'ISO14443', groupIdToken: 'FLEET', blocked: true, expiresAt: new Date('2031-01-01T00:00:00Z'), language: 'en', owner: 'Doe, Jane', masterPass: true } },
      { line: 3, token: { idToken: '1234', type: 'KeyCode', groupIdToken: null, blocked: false, expiresAt: null, language: null, owner: null, masterPass: false } },
    ]);
  });
  it('lists every bad row with its line number', () => {
    const { problems } = parseTokenCsv('idToken,type,blocked,expiresAt\nA,ISO14443,maybe,\nB,Bogus Type,,\nC,KeyCode,,2031-01-01\n,KeyCode,,\na,KeyCode,,\nD,KeyCode\n');
    assert.deepEqual(problems.map((p) => p.line), [2, 3, 4, 5, 6, 7]);
    assert.match(problems[0]!.message, /blocked "maybe"/);
    assert.match(problems[2]!.message, /expiresAt "2031-01-01" is not an ISO 8601/);
    assert.match(problems[4]!.message, /appears already on line 2/, 'values are unique case-insensitively');
    assert.match(problems[5]!.message, /has 2 fields, the header has 4/);
  });
  it('requires a header with idToken and type and known columns only', () => {
    assert.match(parseTokenCsv('').problems[0]!.message, /header row/);
    assert.match(parseTokenCsv('idToken,colour\n').problems[0]!.message, /unknown column "colour".*column type is required/);
  });
});

describe('formatTokenCsv', () => {
  it('writes what parseTokenCsv reads back', () => {
    const token = { idToken: 'AABB', type: 'eMAID', groupIdToken: null, blocked: false, expiresAt: new Date('2031-01-01T00:00:00Z'), language: 'fr', owner: 'ACME, "Fleet"', masterPass: true };
    const csv = formatTokenCsv([token]);
    assert.equal(csv, 'idToken,type,groupIdToken,blocked,expiresAt,language,owner,masterPass\r\nAABB,eMAID,,false,2031-01-01T00:00:00.000Z,fr,"ACME, ""Fleet""",true\r\n');
    assert.deepEqual(parseTokenCsv(csv).rows[0]!.token, token);
  });
});
