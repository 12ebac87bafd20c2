import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer } from '../../testing/test-server.js';
import { createToken } from './test-support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function postCsv(server: Server, csv: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}/api/v1/tokens/import`, {
    method: 'POST', headers: { authorization: `Bearer ${server.api.apiKey}`, 'content-type': 'text/csv' }, body: csv,
  });
  return { status: response.status, body: await response.json() };
}

describe('REST API: tokens', () => {
  let server: Server;
  before(async () => { server = await startTestServer(); });
  after(() => server.stop());

  it('creates, reads, changes and deletes a token', async () => {
    const created = await server.api.request('POST', '/api/v1/tokens', {
      idToken: 'CRUD-1', type: 'eMAID', groupIdToken: 'G-1', expiresAt: '2040-01-01T00:00:00Z', language: 'de', owner: 'Jane Doe', masterPass: true,
    });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^tok_/);
    assert.deepEqual({ ...created.body, id: '', createdAt: '', updatedAt: '' }, {
      id: '', idToken: 'CRUD-1', type: 'eMAID', groupIdToken: 'G-1', blocked: false, expiresAt: '2040-01-01T00:00:00.000Z', language: 'de',
      owner: 'Jane Doe', masterPass: true, status: 'Accepted', createdAt: '', updatedAt: '',
    });
    const id = created.body.id as string;
    assert.equal((await server.api.request('GET', `/api/v1/tokens/${id}`)).body.idToken, 'CRUD-1');
    const patched = await server.api.request('PATCH', `/api/v1/tokens/${id}`, { blocked: true, owner: null });
    assert.deepEqual([patched.body.blocked, patched.body.owner, patched.body.status, patched.body.type], [true, null, 'Blocked', 'eMAID']);
    assert.equal((await server.api.request('DELETE', `/api/v1/tokens/${id}`)).status, 204);
    assert.equal((await server.api.request('GET', `/api/v1/tokens/${id}`)).body.code, 'token_not_found');
    assert.equal((await server.api.request('DELETE', `/api/v1/tokens/${id}`)).status, 404);
  });

  it('refuses a value already used, whatever its case', async () => {
    await createToken(server.api, { idToken: 'DUP-abc' });
    const again = await server.api.request('POST', '/api/v1/tokens', { idToken: 'dup-ABC', type: 'KeyCode' });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'token_exists');
    const other = await createToken(server.api, { idToken: 'DUP-xyz' });
    assert.equal((await server.api.request('PATCH', `/api/v1/tokens/${other.id}`, { idToken: 'DUP-ABC' })).status, 409);
  });

  it('rejects bad fields with the reasons, storing nothing', async () => {
    const tooLong = await server.api.request('POST', '/api/v1/tokens', { idToken: 'BAD-1', type: 'ISO14443', language: 'en-GB-oxendict' });
    assert.equal(tooLong.status, 400, 'a language longer than 8 characters fails the schema');
    const bad = await server.api.request('POST', '/api/v1/tokens', { idToken: 'BAD-1', type: 'iso14443', language: 'english' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'invalid_token');
    assert.equal(bad.body.details.problems.length, 2);
    assert.match(bad.body.detail, /spelled "ISO14443"/);
    assert.equal((await server.api.request('GET', '/api/v1/tokens?search=BAD-1')).body.items.length, 0);
    assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken: 'X', type: 'KeyCode', colour: 'red' })).status, 400);
    assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken: 'X', type: 'KeyCode' }, { 'x-tenant-id': 'nowhere' })).body.code, 'tenant_not_found');
  });

  it('lists with filters and cursor pagination', async () => {
    for (const [idToken, extra] of [['LIST-1', { type: 'KeyCode' }], ['LIST-2', { blocked: true }], ['LIST-3', { owner: 'Fleet Ops' }], ['LIST-4', { groupIdToken: 'LIST-G' }]] as const) {
      await createToken(server.api, { idToken, ...extra });
    }
    const first = await server.api.request('GET', '/api/v1/tokens?search=list-&limit=3');
    const second = await server.api.request('GET', `/api/v1/tokens?search=list-&limit=3&cursor=${first.body.nextCursor}`);
    assert.deepEqual([...first.body.items, ...second.body.items].map((t: { idToken: string }) => t.idToken), ['LIST-1', 'LIST-2', 'LIST-3', 'LIST-4']);
    assert.equal(second.body.nextCursor, null);
    const ids = async (query: string) => (await server.api.request('GET', `/api/v1/tokens?${query}`)).body.items.map((t: { idToken: string }) => t.idToken);
    assert.deepEqual(await ids('type=KeyCode&search=LIST'), ['LIST-1']);
    assert.deepEqual(await ids('blocked=true&search=LIST'), ['LIST-2']);
    assert.deepEqual(await ids('search=fleet'), ['LIST-3']);
    assert.deepEqual(await ids('groupIdToken=LIST-G'), ['LIST-4']);
    assert.equal((await server.api.request('GET', '/api/v1/tokens', undefined, { 'x-tenant-id': 'another-tenant' })).body.items.length, 0);
    assert.equal((await server.api.request('GET', '/api/v1/tokens?cursor=%%%')).status, 400);
  });

  it('imports a CSV file: upsert by value (case-insensitive), all or nothing', async () => {
    const existing = await createToken(server.api, { idToken: 'CSV-EXISTING', owner: 'before' });
    const ok = await postCsv(server, 'idToken,type,groupIdToken,blocked,expiresAt,language,owner,masterPass\r\n'
      + 'csv-existing,ISO14443,,true,,,after,false\r\nCSV-NEW-1,KeyCode,CSV-G,,2040-01-01T00:00:00Z,en,"Doe, J",\r\nCSV-NEW-2,eMAID,,,,,,yes\r\n');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { created: 2, updated: 1 });
    const updated = (await server.api.request('GET', `/api/v1/tokens/${existing.id}`)).body;
    assert.deepEqual([updated.idToken, updated.blocked, updated.owner], ['CSV-EXISTING', true, 'after'], 'the stored spelling is kept');
    const added = (await server.api.request('GET', '/api/v1/tokens?search=CSV-NEW-1')).body.items[0];
    assert.deepEqual([added.type, added.groupIdToken, added.language, added.owner, added.expiresAt], ['KeyCode', 'CSV-G', 'en', 'Doe, J', '2040-01-01T00:00:00.000Z']);

    const bad = await postCsv(server, 'idToken,type,blocked\nCSV-GOOD,ISO14443,false\nCSV-BAD,NotAType!,false\nCSV-GOOD-2,ISO14443,perhaps\n');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'invalid_csv');
    assert.deepEqual(bad.body.details.problems.map((p: { line: number }) => p.line), [3, 4]);
    assert.equal((await server.api.request('GET', '/api/v1/tokens?search=CSV-GOOD')).body.items.length, 0, 'nothing was stored');
    assert.equal((await postCsv(server, '')).status, 422);
  });

  it('exports every token as CSV that imports back', async () => {
    await createToken(server.api, { idToken: 'EXP-1', owner: 'Comma, Quote "Q"', expiresAt: '2041-05-01T00:00:00Z' });
    const response = await fetch(`${server.baseUrl}/api/v1/tokens/export`, { headers: { authorization: `Bearer ${server.api.apiKey}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const csv = await response.text();
    assert.ok(csv.startsWith('idToken,type,groupIdToken,blocked,expiresAt,language,owner,masterPass\r\n'));
    assert.ok(csv.includes('EXP-1,ISO14443,,false,2041-05-01T00:00:00.000Z,,"Comma, Quote ""Q""",false\r\n'));
    const reimport = await postCsv(server, csv);
    assert.equal(reimport.body.created, 0);
  });

  it('publishes token events', async () => {
    const seen: string[] = [];
    const unsubscribe = server.events.subscribe((event) => { if (event.type.startsWith('token')) seen.push(event.type); });
    const token = await createToken(server.api, { idToken: 'EVT-1' });
    await server.api.request('PATCH', `/api/v1/tokens/${token.id}`, { blocked: true });
    await server.api.request('DELETE', `/api/v1/tokens/${token.id}`);
    await postCsv(server, 'idToken,type\nEVT-2,KeyCode\n');
    unsubscribe();
    assert.deepEqual(seen, ['token.created', 'token.updated', 'token.deleted', 'token.imported']);
  });
});
