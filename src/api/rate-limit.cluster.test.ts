// Two ChargeOps nodes on one PostgreSQL (the multi-node deployment, ADR 037): sign-in lockout and API
// rate limits counted on one node hold on the other. Needs CHARGEOPS_TEST_DATABASE_URL (skipped
// without it: PGlite cannot be shared by two servers).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { BrowserSession, startTestServer } from '../testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const adminUrl = process.env['CHARGEOPS_TEST_DATABASE_URL'];
const ADMIN = { email: 'root@cluster.test', password: 'cluster admin password' };
const API_KEY = `cok_cluster_${'k'.repeat(32)}`;

describe('two nodes on one PostgreSQL share lockout and rate limits', { skip: adminUrl ? false : 'CHARGEOPS_TEST_DATABASE_URL is not set' }, () => {
  const name = `chargeops_cluster_${process.pid}_${Date.now()}`;
  let nodeA: Server;
  let nodeB: Server;
  const config = (nodeId: string) => ({
    nodeId, apiKey: API_KEY, adminEmail: ADMIN.email, adminPassword: ADMIN.password,
    auth: { maxFailedLoginsPerAccount: 3, maxFailedLoginsPerAddress: 1000 },
    // A day-long window: the test cannot straddle a window edge unless it runs across midnight UTC.
    rateLimits: { perApiKey: 10, windowSeconds: 86_400 },
  });

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    // One after the other: the second finds the schema migrated and the admin created.
    nodeA = await startTestServer(config('node-a'), { url: url.toString() });
    nodeB = await startTestServer(config('node-b'), { url: url.toString() });
  });

  after(async () => {
    await nodeA?.stop();
    await nodeB?.stop();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const login = (node: Server, email: string, password: string) => new BrowserSession(node.baseUrl).request('POST', '/api/v1/auth/login', { email, password });

  it('failures on both nodes add up to a lockout that both nodes enforce, with Retry-After', async () => {
    assert.notEqual(nodeA.port, nodeB.port);
    const email = 'locked@cluster.test';
    assert.equal((await nodeA.api.request('POST', '/api/v1/users', { email, name: 'Locked', role: 'viewer', password: 'the right password' })).status, 201);
    assert.equal((await login(nodeA, email, 'wrong password 1')).status, 401);
    assert.equal((await login(nodeB, email, 'wrong password 2')).status, 401);
    assert.equal((await login(nodeA, email, 'wrong password 3')).status, 401);
    for (const node of [nodeB, nodeA]) {
      const locked = await login(node, email, 'the right password');
      assert.equal(locked.status, 429, `locked on ${node.baseUrl}`);
      assert.equal(locked.body.code, 'too_many_attempts');
      const retryAfter = Number(locked.headers.get('retry-after'));
      assert.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    }
    assert.equal((await login(nodeB, ADMIN.email, ADMIN.password)).status, 200, 'other accounts are not locked');
  });

  it('a successful sign-in on one node resets the failures counted on the other', async () => {
    const email = 'forgetful@cluster.test';
    assert.equal((await nodeB.api.request('POST', '/api/v1/users', { email, name: 'Forgetful', role: 'viewer', password: 'the right password' })).status, 201);
    assert.equal((await login(nodeA, email, 'wrong password 1')).status, 401);
    assert.equal((await login(nodeA, email, 'wrong password 2')).status, 401);
    assert.equal((await login(nodeB, email, 'the right password')).status, 200);
    assert.equal((await login(nodeB, email, 'wrong password 3')).status, 401);
    assert.equal((await login(nodeA, email, 'wrong password 4')).status, 401);
    assert.equal((await login(nodeA, email, 'the right password')).status, 200, 'two failures since the success: not locked');
  });

  it('one API key\'s calls on both nodes count against one limit', async () => {
    const created = await nodeA.api.request('POST', '/api/v1/api-keys', { name: 'cluster integration', role: 'viewer' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const secret = created.body.secret as string;
    const call = (node: Server) => fetch(`${node.baseUrl}/api/v1/stations`, { headers: { authorization: `Bearer ${secret}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(i % 2 ? nodeB : nodeA)).status);
    assert.deepEqual(statuses, Array(10).fill(200), 'ten calls, five on each node, fit the limit of 10');
    for (const node of [nodeA, nodeB]) {
      const refused = await call(node);
      assert.equal(refused.status, 429, `refused on ${node.baseUrl}`);
      assert.equal(((await refused.json()) as { code: string }).code, 'rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
    }
    assert.equal((await nodeB.api.request('GET', '/api/v1/stations')).status, 200, 'the bootstrap key has its own budget');
  });
});
