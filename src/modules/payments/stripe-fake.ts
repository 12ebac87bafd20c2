// Test helper: a local fake of the Stripe endpoints the adapter uses (PaymentIntents create /
// retrieve / capture / cancel, refunds), keeping state as Stripe does: manual-capture intents wait
// in requires_capture, capture takes at most the authorised amount, cancel releases it, refunds at
// most what was captured, an Idempotency-Key replays the first answer. Test cards as in Stripe's
// test mode: pm_card_chargeDeclined is declined (HTTP 402); pm_card_threeDSecure2Required answers
// requires_action with a redirect_to_url (when confirmed with a return_url) to a page of this fake
// that completes or fails the authentication and sends the card holder back. With a webhook URL
// and secret, it posts payment_intent.* events signed like Stripe (Stripe-Signature t=..,v1=HMAC).
// For the page's Stripe.js integration (ADR 065) it serves a stand-in stripe.js at /v3/ (see
// stripe-js-standin.ts) and the browser-side endpoints that stand-in calls: confirm and retrieve
// with the publishable key and the intent's client_secret (CORS open, as Stripe's API is).
// What it does NOT prove: Stripe.js / Elements themselves, real issuers' 3-D Secure challenges,
// Stripe's retry schedule for webhooks.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STRIPE_JS_STANDIN, THREE_DS_DONE_PAGE } from './stripe-js-standin.js';

export type FakeIntent = {
  id: string; object: 'payment_intent'; client_secret: string; amount: number; currency: string; status: string; amount_received: number; amount_capturable: number; refunded: number;
  capture_method: string; metadata: Record<string, string>; next_action: null | { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } };
  last_payment_error: null | { message: string; code: string };
};
export type FakeEvent = { id: string; object: 'event'; type: string; created: number; data: { object: FakeIntent } };

export type StripeFake = {
  url: string; intents: Map<string, FakeIntent>; requests: Array<{ method: string; path: string; form: Record<string, string> }>;
  /** Every event sent, with the HTTP status the webhook endpoint answered. */
  events: Array<{ event: FakeEvent; status: number }>;
  /** Sends an event (again, or a crafted one) to the webhook endpoint, signed with `secret` (default: the configured one). */
  deliver(event: FakeEvent, secret?: string): Promise<number>;
  close(): Promise<void>;
};

export type StripeFakeOptions = { webhookUrl?: () => string | null; webhookSecret?: string; publishableKey?: string };

/** Stripe's test card numbers the stand-in Element may be given, as the test payment methods they stand for. */
const TEST_CARDS: Record<string, string> = {
  '4242424242424242': 'pm_card_visa', '4000000000000002': 'pm_card_chargeDeclined', '4000002500003155': 'pm_card_threeDSecure2Required',
};

async function formOf(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/** Stripe's scheme: v1 = HMAC-SHA256(secret, `${t}.${payload}`) in hex. */
export function stripeSignature(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')}`;
}

export async function startStripeFake(secretKey = 'sk_test_fake', options: StripeFakeOptions = {}): Promise<StripeFake> {
  const publishableKey = options.publishableKey ?? 'pk_test_fake';
  const intents = new Map<string, FakeIntent>();
  const requests: StripeFake['requests'] = [];
  const events: StripeFake['events'] = [];
  const replays = new Map<string, { status: number; body: unknown }>();
  let counter = 0;
  let base = '';
  const error = (status: number, message: string, extra: Record<string, unknown> = {}) => ({ status, body: { error: { type: status === 402 ? 'card_error' : 'invalid_request_error', message, ...extra } } });

  const deliver = async (event: FakeEvent, secret = options.webhookSecret): Promise<number> => {
    const url = options.webhookUrl?.();
    if (!url || !secret) return 0;
    const payload = JSON.stringify(event);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(payload, secret) }, body: payload }).catch(() => null);
    const status = response?.status ?? 0;
    events.push({ event, status });
    return status;
  };
  /** Sent after the answer, as Stripe does (asynchronously, possibly after the API call returned). */
  const emit = (type: string, intent: FakeIntent) => {
    const event: FakeEvent = { id: `evt_fake_${++counter}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: { ...intent } } };
    setTimeout(() => void deliver(event), 20);
  };

  const handle = (method: string, path: string, form: Record<string, string>): { status: number; body: unknown } => {
    const metadata = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));
    const retrieve = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && retrieve) {
      const intent = intents.get(decodeURIComponent(retrieve[1]!));
      return intent ? { status: 200, body: intent } : error(404, 'No such payment_intent');
    }
    if (method !== 'POST') return error(405, `${method} ${path} is not faked`);
    if (path === '/v1/payment_intents') {
      const amount = Number(form.amount);
      if (!Number.isInteger(amount) || amount < 50) return error(400, 'Amount must be at least 50 cents');
      const intent: FakeIntent = {
        id: `pi_fake_${++counter}`, object: 'payment_intent', client_secret: '', amount, currency: form.currency ?? '', status: 'requires_payment_method', amount_received: 0, amount_capturable: 0, refunded: 0,
        capture_method: form.capture_method ?? 'automatic', metadata, next_action: null, last_payment_error: null,
      };
      intent.client_secret = `${intent.id}_secret_${createHmac('sha256', secretKey).update(intent.id).digest('hex').slice(0, 24)}`;
      intents.set(intent.id, intent);
      if (form.confirm === 'true' && form.payment_method) {
        if (form.payment_method === 'pm_card_threeDSecure2Required' && !form.return_url) return error(400, 'This PaymentIntent requires a return_url for 3-D Secure in this fake (use_stripe_sdk is not faked)');
        return confirm(intent, form.payment_method, form.return_url ?? '');
      }
      return { status: 200, body: intent };
    }
    const match = /^\/v1\/payment_intents\/([^/]+)\/(capture|cancel)$/.exec(path);
    if (match) {
      const intent = intents.get(decodeURIComponent(match[1]!));
      if (!intent) return error(404, 'No such payment_intent');
      if (match[2] === 'cancel' && ['requires_payment_method', 'requires_action', 'requires_capture'].includes(intent.status)) {
        Object.assign(intent, { status: 'canceled', amount_capturable: 0, next_action: null });
        emit('payment_intent.canceled', intent);
        return { status: 200, body: intent };
      }
      if (intent.status !== 'requires_capture') return error(400, `This PaymentIntent could not be ${match[2]}d because it has a status of ${intent.status}.`, { code: 'payment_intent_unexpected_state' });
      const take = form.amount_to_capture === undefined ? intent.amount : Number(form.amount_to_capture);
      if (take > intent.amount) return error(400, 'amount_to_capture is greater than the amount capturable');
      Object.assign(intent, { status: 'succeeded', amount_received: take, amount_capturable: 0 });
      emit('payment_intent.succeeded', intent);
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
    return error(404, `Unrecognized request URL (${method}: ${path})`);
  };
  /** Confirms an intent with a (test) payment method: declined, 3-D Secure (back to `returnUrl`), or authorised. */
  const confirm = (intent: FakeIntent, paymentMethod: string, returnUrl: string): { status: number; body: unknown } => {
    if (intent.status !== 'requires_payment_method') return error(400, `This PaymentIntent's status is ${intent.status}: it cannot be confirmed`, { code: 'payment_intent_unexpected_state' });
    if (paymentMethod === 'pm_card_chargeDeclined') {
      intent.last_payment_error = { message: 'Your card was declined.', code: 'card_declined' };
      emit('payment_intent.payment_failed', intent);
      return error(402, 'Your card was declined.', { code: 'card_declined', decline_code: 'generic_decline', payment_intent: intent });
    }
    intent.last_payment_error = null;
    if (paymentMethod === 'pm_card_threeDSecure2Required') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'redirect_to_url', redirect_to_url: { url: `${base}/3ds/${intent.id}`, return_url: returnUrl } };
      emit('payment_intent.requires_action', intent);
      return { status: 200, body: intent };
    }
    authorise(intent);
    return { status: 200, body: intent };
  };

  /**
   * What Stripe.js calls from the browser: confirm (a card's number, as the Element would tokenise
   * it) and retrieve, authorised by the publishable key and the intent's client secret. Null: not such a call.
   */
  const browserCall = (method: string, path: string, form: Record<string, string>): { status: number; body: unknown } | null => {
    const match = /^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/.exec(path);
    if (!match || !form.key?.startsWith('pk_')) return null;
    if (form.key !== publishableKey) return error(401, 'Invalid API Key provided');
    const intent = intents.get(decodeURIComponent(match[1]!));
    if (!intent || form.client_secret !== intent.client_secret) return error(404, 'No such payment_intent');
    if (method === 'GET' && !match[2]) return { status: 200, body: intent };
    if (method !== 'POST' || !match[2]) return error(405, `${method} ${path} is not faked`);
    // A deferred-intent Payment Element states amount, currency and capture method; Stripe refuses a confirm when they differ from the intent.
    if (form['standin_elements[amount]'] !== undefined) {
      const stated = [Number(form['standin_elements[amount]']), form['standin_elements[currency]'], form['standin_elements[capture_method]'] || 'automatic'];
      const actual = [intent.amount, intent.currency, intent.capture_method];
      if (stated.some((value, i) => value !== actual[i])) return error(400, `The Elements options (${stated.join(' ')}) do not match the PaymentIntent (${actual.join(' ')})`);
    }
    const paymentMethod = TEST_CARDS[(form['payment_method_data[card][number]'] ?? '').replace(/\s/g, '')];
    if (!paymentMethod) return error(402, 'Your card number is incorrect.', { code: 'incorrect_number' });
    return confirm(intent, paymentMethod, `${base}/3ds-done`);
  };

  const authorise = (intent: FakeIntent) => {
    Object.assign(intent, { status: intent.capture_method === 'manual' ? 'requires_capture' : 'succeeded', amount_capturable: intent.capture_method === 'manual' ? intent.amount : 0, next_action: null });
    emit(intent.capture_method === 'manual' ? 'payment_intent.amount_capturable_updated' : 'payment_intent.succeeded', intent);
  };

  /** The issuer's 3-D Secure page, as the card holder sees it: complete or fail, then back to the merchant. */
  const challenge = (method: string, path: string, form: Record<string, string>): { status: number; headers: Record<string, string>; body: string } | null => {
    const match = /^\/3ds\/([^/?]+)(\/(complete|fail))?$/.exec(path);
    const intent = match ? intents.get(match[1]!) : undefined;
    if (!match || !intent) return null;
    if (method === 'GET' && !match[2]) {
      return { status: 200, headers: { 'content-type': 'text/html' }, body: `<!doctype html><title>3-D Secure (fake)</title><h1>Authenticate the payment of ${(intent.amount / 100).toFixed(2)} ${intent.currency.toUpperCase()}</h1>
<form method="post" action="/3ds/${intent.id}/complete"><button>Complete authentication</button></form><form method="post" action="/3ds/${intent.id}/fail"><button>Fail authentication</button></form>` };
    }
    if (method !== 'POST' || intent.status !== 'requires_action' || !intent.next_action) return { status: 400, headers: {}, body: 'not awaiting authentication' };
    const back = new URL(intent.next_action.redirect_to_url.return_url);
    back.searchParams.set('payment_intent', intent.id);
    if (match[3] === 'complete') authorise(intent);
    else {
      Object.assign(intent, { status: 'requires_payment_method', next_action: null, last_payment_error: { message: 'The cardholder failed 3-D Secure authentication.', code: 'payment_intent_authentication_failure' } });
      emit('payment_intent.payment_failed', intent);
    }
    void form;
    return { status: 303, headers: { location: back.toString() }, body: '' };
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET';
      const [path, query] = (request.url ?? '').split('?') as [string, string | undefined];
      const form = method === 'GET' ? Object.fromEntries(new URLSearchParams(query ?? '')) : await formOf(request);
      requests.push({ method, path, form });
      if (method === 'GET' && (path === '/v3/' || path === '/v3')) {
        response.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', 'access-control-allow-origin': '*' }).end(STRIPE_JS_STANDIN);
        return;
      }
      if (method === 'GET' && path === '/3ds-done') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(THREE_DS_DONE_PAGE);
        return;
      }
      const browser = browserCall(method, path, form);
      if (browser) {
        response.writeHead(browser.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(browser.body));
        return;
      }
      const page = challenge(method, path, form);
      if (page) {
        response.writeHead(page.status, page.headers).end(page.body);
        return;
      }
      let answer: { status: number; body: unknown };
      if (request.headers.authorization !== `Bearer ${secretKey}`) answer = error(401, 'Invalid API Key provided');
      else {
        const key = method === 'POST' ? request.headers['idempotency-key'] : undefined;
        const replay = typeof key === 'string' ? replays.get(key) : undefined;
        answer = replay ?? handle(method, path, form);
        if (typeof key === 'string' && !replay) replays.set(key, answer);
      }
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, intents, requests, events, deliver,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
