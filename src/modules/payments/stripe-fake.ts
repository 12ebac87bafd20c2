// Test helper: a local fake of the Stripe endpoints the adapter uses (PaymentIntents create /
// capture / cancel, refunds), keeping state as Stripe does: manual-capture intents wait in
// requires_capture, capture takes at most the authorised amount, cancel releases it, refunds at
// most what was captured, an Idempotency-Key replays the first answer. The test card
// pm_card_chargeDeclined is declined (HTTP 402), as in Stripe's test mode.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeIntent = { id: string; amount: number; currency: string; status: string; amount_received: number; refunded: number; capture_method: string; metadata: Record<string, string> };

export type StripeFake = { url: string; intents: Map<string, FakeIntent>; requests: Array<{ path: string; form: Record<string, string> }>; close(): Promise<void> };

async function formOf(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export async function startStripeFake(secretKey = 'sk_test_fake'): Promise<StripeFake> {
  const intents = new Map<string, FakeIntent>();
  const requests: StripeFake['requests'] = [];
  const replays = new Map<string, { status: number; body: unknown }>();
  let counter = 0;
  const error = (status: number, message: string, extra: Record<string, unknown> = {}) => ({ status, body: { error: { type: status === 402 ? 'card_error' : 'invalid_request_error', message, ...extra } } });
  const handle = (path: string, form: Record<string, string>): { status: number; body: unknown } => {
    const metadata = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));
    if (path === '/v1/payment_intents') {
      const amount = Number(form.amount);
      if (!Number.isInteger(amount) || amount < 50) return error(400, 'Amount must be at least 50 cents');
      const intent: FakeIntent = { id: `pi_fake_${++counter}`, amount, currency: form.currency ?? '', status: 'requires_payment_method', amount_received: 0, refunded: 0, capture_method: form.capture_method ?? 'automatic', metadata };
      intents.set(intent.id, intent);
      if (form.confirm === 'true' && form.payment_method) {
        if (form.payment_method === 'pm_card_chargeDeclined') {
          intent.status = 'requires_payment_method';
          return error(402, 'Your card was declined.', { code: 'card_declined', decline_code: 'generic_decline', payment_intent: intent });
        }
        intent.status = intent.capture_method === 'manual' ? 'requires_capture' : 'succeeded';
      }
      return { status: 200, body: intent };
    }
    const match = /^\/v1\/payment_intents\/([^/]+)\/(capture|cancel)$/.exec(path);
    if (match) {
      const intent = intents.get(decodeURIComponent(match[1]!));
      if (!intent) return error(404, 'No such payment_intent');
      if (intent.status !== 'requires_capture') return error(400, `This PaymentIntent could not be ${match[2]}d because it has a status of ${intent.status}.`, { code: 'payment_intent_unexpected_state' });
      if (match[2] === 'cancel') {
        intent.status = 'canceled';
        return { status: 200, body: intent };
      }
      const take = form.amount_to_capture === undefined ? intent.amount : Number(form.amount_to_capture);
      if (take > intent.amount) return error(400, 'amount_to_capture is greater than the amount capturable');
      Object.assign(intent, { status: 'succeeded', amount_received: take });
      return { status: 200, body: intent };
    }
    if (path === '/v1/refunds') {
      const intent = intents.get(form.payment_intent ?? '');
      if (!intent || intent.status !== 'succeeded') return error(400, 'This PaymentIntent has not been captured');
      const amount = Number(form.amount ?? intent.amount_received - intent.refunded);
      if (intent.refunded + amount > intent.amount_received) return error(400, 'Refund amount is greater than unrefunded amount on charge');
      intent.refunded += amount;
      return { status: 200, body: { id: `re_fake_${++counter}`, amount, payment_intent: intent.id, status: 'succeeded' } };
    }
    return error(404, `Unrecognized request URL (POST: ${path})`);
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const form = await formOf(request);
      requests.push({ path: request.url ?? '', form });
      let answer: { status: number; body: unknown };
      if (request.headers.authorization !== `Bearer ${secretKey}`) answer = error(401, 'Invalid API Key provided');
      else if (request.method !== 'POST') answer = error(405, 'POST only in this fake');
      else {
        const key = request.headers['idempotency-key'];
        const replay = typeof key === 'string' ? replays.get(key) : undefined;
        answer = replay ?? handle(request.url ?? '', form);
        if (typeof key === 'string' && !replay) replays.set(key, answer);
      }
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, intents, requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
