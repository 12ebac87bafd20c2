// The profile library's update route, end to end over HTTP on PGlite and (with
// CHARGEOPS_TEST_DATABASE_URL) PostgreSQL: PATCH /api/v1/smart-charging/profiles/{id} with ETag /
// If-Match (ADR 017: optional, 412 when stale), validation of the merged profile as a whole, the
// audit entry with the state before and after, and that a refused change changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import { serverDatabaseTargets } from '../../testing/server-database-targets.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Profile = { id: string; name: string; profile: Record<string, unknown>; updatedAt: string };

const targets = serverDatabaseTargets('chargeops_lib');

const NIGHT = { name: 'Night 16 A', purpose: 'TxDefaultProfile', stackLevel: 2, kind: 'Absolute', durationS: 28_800, unit: 'A', periods: [{ startPeriod: 0, limit: 16 }] };

for (const target of targets) describe(`smart charging: the profile library's update route (${target.name})`, () => {
  let server: Server;
  let dispose: () => Promise<void> = async () => {};
  let id: string;
  const path = () => `/api/v1/smart-charging/profiles/${id}`;
  const read = async () => {
    const response = await fetch(`${server.baseUrl}${path()}`, { headers: { authorization: `Bearer ${server.generatedApiKey}` } });
    assert.equal(response.status, 200);
    return { etag: response.headers.get('etag')!, body: await response.json() as Profile };
  };
  const patch = async (body: unknown, ifMatch?: string) => {
    const response = await fetch(`${server.baseUrl}${path()}`, {
      method: 'PATCH', body: JSON.stringify(body),
      headers: { authorization: `Bearer ${server.generatedApiKey}`, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    });
    return { status: response.status, etag: response.headers.get('etag'), body: await response.json() as Record<string, any> };
  };

  before(async () => {
    const database = await target.open();
    dispose = database.dispose;
    server = await startTestServer({}, database.options);
    const created = await server.api.request('POST', '/api/v1/smart-charging/profiles', NIGHT);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    id = created.body.id;
  });
  after(async () => {
    await server.stop();
    await dispose();
  });

  it('K01 library profile: GET carries an ETag; PATCH with it changes the named fields, keeps the id and the rest, and answers a new ETag', async () => {
    const first = await read();
    assert.match(first.etag, /^"[\w-]+"$/);
    const changed = await patch({ name: 'Night 10 A', periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 3600, limit: 12 }] }, first.etag);
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body['id'], id);
    assert.equal(changed.body['name'], 'Night 10 A');
    const { name: _name, ...stored } = NIGHT;
    assert.deepEqual(changed.body['profile'], { ...stored, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 3600, limit: 12 }] });
    assert.ok(changed.etag && changed.etag !== first.etag, 'a new version has a new ETag');
    assert.equal((await read()).etag, changed.etag);
  });

  it('a stale If-Match is refused with 412 precondition_failed and changes nothing; without If-Match the change applies (opt-in, as every PATCH)', async () => {
    const stale = (await read()).etag;
    assert.equal((await patch({ stackLevel: 3 })).status, 200);
    const refused = await patch({ name: 'Lost update' }, stale);
    assert.equal(refused.status, 412);
    assert.equal(refused.body['code'], 'precondition_failed');
    const now = await read();
    assert.equal(now.body.name, 'Night 10 A');
    assert.equal(now.body.profile['stackLevel'], 3);
  });

  it('the merged profile is checked as a whole: invalid_charging_profile lists every problem (422) and nothing changes', async () => {
    const { etag, body: beforeChange } = await read();
    const refused = await patch({ kind: 'Recurring', purpose: 'TxProfile', periods: [{ startPeriod: 60, limit: 8 }] }, etag);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body['code'], 'invalid_charging_profile');
    const paths = (refused.body['problems'] as Array<{ path: string }>).map((p) => p.path).sort();
    assert.deepEqual(paths, ['periods', 'purpose', 'recurrencyKind']);
    assert.deepEqual((await read()).body, beforeChange);
    // Schema-level refusals: an unknown field, an empty change.
    assert.equal((await patch({ colour: 'blue' })).status, 400);
    assert.equal((await patch({})).status, 400);
    assert.equal((await read()).etag, etag);
  });

  it('null removes an optional field; an unknown profile is 404 charging_profile_not_found', async () => {
    const removed = await patch({ durationS: null });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal('durationS' in removed.body['profile'], false);
    const missing = await fetch(`${server.baseUrl}/api/v1/smart-charging/profiles/cpr_missing`, {
      method: 'PATCH', body: JSON.stringify({ name: 'x' }), headers: { authorization: `Bearer ${server.generatedApiKey}`, 'content-type': 'application/json' },
    });
    assert.equal(missing.status, 404);
    assert.equal((await missing.json() as { code: string }).code, 'charging_profile_not_found');
  });

  it('every accepted change is audited with the profile before and after it', async () => {
    let entries: Array<{ action: string; before: Profile | null; after: Profile | null; details: { statusCode?: number } }> = [];
    await waitUntil(async () => {
      entries = (await server.api.request('GET', `/api/v1/audit?action=${encodeURIComponent('PATCH /api/v1/smart-charging/profiles/:profileId')}&limit=50`)).body.items;
      return entries.filter((e) => e.details.statusCode === 200).length >= 3;
    }, 10_000);
    const rename = entries.find((e) => e.after?.name === 'Night 10 A' && e.before?.name === 'Night 16 A');
    assert.ok(rename, JSON.stringify(entries.map((e) => [e.before?.name, e.after?.name])));
    assert.deepEqual(rename.before!.profile['periods'], [{ startPeriod: 0, limit: 16 }]);
  });
});
