// Optional TOTP second factor over HTTP: enrolment, sign-in with it, replay refusal, disabling.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import { BrowserSession, startTestServer } from '../../testing/test-server.js';

const PASSWORD = 'a long enough password';
/** The code of the 30-second step `offset` steps from now. */
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describe('TOTP second factor', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer({ adminEmail: 'root@example.test', adminPassword: PASSWORD, auth: { secretKey: 'k'.repeat(40) } });
    for (const email of ['totp-a@example.test', 'totp-b@example.test']) {
      assert.equal((await server.api.request('POST', '/api/v1/users', { email, name: email, role: 'operator', password: PASSWORD })).status, 201);
    }
  });
  after(async () => { await server.stop(); });

  it('enrols with a confirmed code, then sign-in needs a fresh code', async () => {
    const email = 'totp-a@example.test';
    const browser = await BrowserSession.login(server.baseUrl, email, PASSWORD);
    const enrolment = await browser.request('POST', '/api/v1/auth/totp');
    assert.equal(enrolment.status, 200);
    const { secret, otpauthUrl } = enrolment.body as { secret: string; otpauthUrl: string };
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    assert.match(otpauthUrl, /^otpauth:\/\/totp\/ChargeOps:totp-a%40example\.test\?/);
    assert.equal((await browser.request('POST', '/api/v1/auth/totp/confirm', { code: '000000' === await codeAt(secret, 0) ? '111111' : '000000' })).body.code, 'totp_code_invalid');
    assert.equal((await browser.request('GET', '/api/v1/auth/me')).body.user.totpEnabled, false, 'not required until confirmed');

    const confirmCode = await codeAt(secret, 0);
    assert.equal((await browser.request('POST', '/api/v1/auth/totp/confirm', { code: confirmCode })).status, 204);
    assert.equal((await browser.request('GET', '/api/v1/auth/me')).body.user.totpEnabled, true);
    assert.equal((await browser.request('POST', '/api/v1/auth/totp')).body.code, 'totp_already_enabled');

    const anonymous = new BrowserSession(server.baseUrl);
    const noCode = await anonymous.request('POST', '/api/v1/auth/login', { email, password: PASSWORD });
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.code, 'totp_required');
    assert.equal(anonymous.cookie, null);
    const replayed = await anonymous.request('POST', '/api/v1/auth/login', { email, password: PASSWORD, totpCode: confirmCode });
    assert.equal(replayed.body.code, 'totp_required', 'a code is accepted once');
    const wrongPassword = await anonymous.request('POST', '/api/v1/auth/login', { email, password: 'not the password', totpCode: await codeAt(secret, 1) });
    assert.equal(wrongPassword.body.code, 'invalid_credentials', 'the password is checked first');
    const signedIn = await anonymous.request('POST', '/api/v1/auth/login', { email, password: PASSWORD, totpCode: await codeAt(secret, 1) });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.body.user.totpEnabled, true);

    const asListed = await server.api.request('GET', '/api/v1/users?limit=500');
    assert.equal(JSON.stringify(asListed.body).includes(secret), false, 'the secret is never returned after enrolment');
    const stored = await server.db.execute(`select totp_secret from users where email = '${email}'`);
    const sealed = String((stored as unknown as { rows: Array<{ totp_secret: string }> }).rows[0]!.totp_secret);
    assert.match(sealed, /^gcm:/, 'sealed at rest when auth.secretKey is set');
    assert.equal(sealed.includes(secret), false);
  });

  it('disables only with a current code; sign-in is then password-only again', async () => {
    const email = 'totp-b@example.test';
    const browser = await BrowserSession.login(server.baseUrl, email, PASSWORD);
    const { secret } = (await browser.request('POST', '/api/v1/auth/totp')).body as { secret: string };
    // Codes of this step and the next: one step either side is accepted, so a step rolling over
    // between computing a code and the server checking it (a loaded machine) cannot fail the test.
    const confirmCode = await codeAt(secret, 0);
    assert.equal((await browser.request('POST', '/api/v1/auth/totp/confirm', { code: confirmCode })).status, 204);
    assert.equal((await browser.request('POST', '/api/v1/auth/totp/disable', { code: confirmCode })).body.code, 'totp_code_invalid', 'not with a used code');
    assert.equal((await browser.request('POST', '/api/v1/auth/totp/disable', { code: await codeAt(secret, 1) })).status, 204);
    assert.equal((await browser.request('GET', '/api/v1/auth/me')).body.user.totpEnabled, false);
    await BrowserSession.login(server.baseUrl, email, PASSWORD);
  });

  it('an API key has no second factor to manage', async () => {
    const answer = await server.api.request('POST', '/api/v1/auth/totp');
    assert.equal(answer.status, 403);
  });
});
