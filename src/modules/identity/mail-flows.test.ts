// Invitation and password reset by email, through a real SMTP server started here (smtp-server):
// the test reads the mail and follows its link, as a person would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { BrowserSession, startTestServer, waitUntil } from '../../testing/test-server.js';

type Received = { to: string[]; text: string };

/** A local SMTP sink: accepts every mail and keeps it decoded enough to read links. */
async function startSmtpSink(): Promise<{ port: number; mails: Received[]; close(): Promise<void> }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Quoted-printable bodies: undo soft line breaks and =XX escapes.
        const text = Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function linkIn(mail: Received, path: string): URL {
  const match = new RegExp(`(http\\S+${path}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text);
  assert.ok(match, `no ${path} link in:\n${mail.text}`);
  return new URL(match[1]!);
}

describe('mail flows through a local SMTP sink', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const mailsTo = (email: string) => smtp.mails.filter((mail) => mail.to.includes(email));

  before(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer({ adminEmail: 'root@example.test', adminPassword: 'root password long', smtp: { host: '127.0.0.1', port: smtp.port, from: 'ChargeOps <ops@example.test>' } });
  });
  after(async () => {
    await server.stop();
    await smtp.close();
  });

  it('invites by email; the link signs the new user in with the role and sites given', async () => {
    const invited = await server.api.request('POST', '/api/v1/users/invitations', { email: 'New.Operator@Example.test', role: 'operator' });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.emailSent, true);
    assert.equal(invited.body.invitation.email, 'new.operator@example.test');
    assert.equal(JSON.stringify(invited.body).includes('token'), false, 'the token travels only by mail');
    const pending = await server.api.request('GET', '/api/v1/users/invitations');
    assert.deepEqual(pending.body.items.map((item: { id: string }) => item.id), [invited.body.invitation.id]);

    await waitUntil(() => mailsTo('new.operator@example.test').length === 1);
    const link = linkIn(mailsTo('new.operator@example.test')[0]!, '/accept-invitation');
    assert.equal(link.origin, new URL(server.baseUrl).origin, 'links point at publicUrl (here the test server)');
    const token = link.searchParams.get('token')!;

    const browser = new BrowserSession(server.baseUrl);
    const weak = await browser.request('POST', '/api/v1/auth/accept-invitation', { token, name: 'Nora', password: 'short' });
    assert.equal(weak.status, 400, 'a too short password is refused before the invitation is used');
    const accepted = await browser.request('POST', '/api/v1/auth/accept-invitation', { token, name: 'Nora', password: 'nora has a long password' });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.user.role, 'operator');
    assert.equal(accepted.body.user.tenantId, 'default');
    assert.equal((await browser.request('GET', '/api/v1/auth/me')).body.user.name, 'Nora');

    const again = await new BrowserSession(server.baseUrl).request('POST', '/api/v1/auth/accept-invitation', { token, name: 'Eve', password: 'eve has a long password' });
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'invitation_token_invalid');
    assert.deepEqual((await server.api.request('GET', '/api/v1/users/invitations')).body.items, []);
    await BrowserSession.login(server.baseUrl, 'new.operator@example.test', 'nora has a long password');
  });

  it('resets a password by email: the old one and every old session stop working', async () => {
    const email = 'forgetful@example.test';
    assert.equal((await server.api.request('POST', '/api/v1/users', { email, name: 'F', role: 'viewer', password: 'the old password' })).status, 201);
    const oldSession = await BrowserSession.login(server.baseUrl, email, 'the old password');

    const anonymous = new BrowserSession(server.baseUrl);
    assert.equal((await anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'nobody@example.test' })).status, 202);
    assert.equal((await anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'Forgetful@example.test' })).status, 202);
    await waitUntil(() => mailsTo(email).length === 1);
    const token = linkIn(mailsTo(email)[0]!, '/reset-password').searchParams.get('token')!;

    const bad = await anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token: 'not-a-token', password: 'the new password' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'reset_token_invalid');
    assert.equal((await anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'the new password' })).status, 204);
    const reuse = await anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'another new password' });
    assert.equal(reuse.body.code, 'reset_token_invalid');

    assert.equal((await oldSession.request('GET', '/api/v1/auth/me')).status, 401, 'sessions from before the reset are ended');
    assert.equal((await anonymous.request('POST', '/api/v1/auth/login', { email, password: 'the old password' })).status, 401);
    await BrowserSession.login(server.baseUrl, email, 'the new password');
    assert.equal(mailsTo('nobody@example.test').length, 0, 'no mail for an email without an account');
  });
});
