// Test helper: a stand-in for Stripe.js (https://js.stripe.com/v3/) that the local Stripe fake
// serves at /v3/, implementing ONLY the part of its documented interface the ad-hoc page uses:
// Stripe(publishableKey); the Payment Element with a deferred intent (ADR 086):
// stripe.elements({ mode: 'payment', amount, currency, captureMethod }).create('payment').mount(target),
// elements.submit() resolving to {} or { error }, stripe.confirmPayment({ elements, clientSecret,
// confirmParams: { return_url }, redirect: 'if_required' }); and the older card Element (ADR 065):
// elements().create('card') with stripe.confirmCardPayment(clientSecret, { payment_method: { card } });
// both confirmations resolve to { paymentIntent } or { error }. Its Payment Element offers the card
// tab only (the wallets and other methods of the real one need Stripe). It confirms through the fake's browser endpoint (publishable key +
// client secret, as Stripe.js does), and when the fake answers requires_action it shows the fake's
// 3-D Secure page in a frame, as Stripe.js shows the issuer's challenge in a modal, then retrieves
// the intent. Unlike a real card Element its input lives in the page, not in a frame of Stripe's
// origin: it proves the page against the interface, not Stripe.js itself.

export const STRIPE_JS_STANDIN = `(function () {
  var api = new URL(document.currentScript.src).origin;
  var form = function (data) { return new URLSearchParams(data).toString(); };
  var post = function (path, data) {
    return fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(data) });
  };
  window.Stripe = function (key) {
    if (typeof key !== 'string' || key.indexOf('pk_') !== 0) throw new Error('Stripe(): a publishable key (pk_...) is required');
    var retrieve = async function (clientSecret) {
      var id = clientSecret.split('_secret_')[0];
      var r = await fetch(api + '/v1/payment_intents/' + encodeURIComponent(id) + '?' + form({ key: key, client_secret: clientSecret }));
      return r.json();
    };
    /** The challenge in a frame over the page; resolves when the fake's return page says it is done. */
    var authenticate = function (intent) {
      return new Promise(function (resolve) {
        var frame = document.createElement('iframe');
        frame.title = '3-D Secure authentication';
        frame.src = intent.next_action.redirect_to_url.url;
        frame.style.position = 'fixed'; frame.style.inset = '10%'; frame.style.width = '80%'; frame.style.height = '80%'; frame.style.background = '#fff';
        var done = function (event) {
          if (event.origin !== api || !event.data || event.data.type !== 'stripe-3ds-complete') return;
          window.removeEventListener('message', done);
          frame.remove();
          resolve();
        };
        window.addEventListener('message', done);
        document.body.appendChild(frame);
      });
    };
    var outcome = function (intent) {
      if (intent.status === 'requires_capture' || intent.status === 'succeeded' || intent.status === 'processing') return { paymentIntent: intent };
      var e = intent.last_payment_error || {};
      return { error: { type: 'card_error', code: e.code, message: e.message || ('The payment is ' + intent.status) } };
    };
    var confirmWith = async function (clientSecret, input, extra) {
      var id = clientSecret.split('_secret_')[0];
      var data = { key: key, client_secret: clientSecret, 'payment_method_data[type]': 'card', 'payment_method_data[card][number]': input.value };
      for (var name in extra) data[name] = extra[name];
      var r = await post('/v1/payment_intents/' + encodeURIComponent(id) + '/confirm', data);
      var body = await r.json();
      if (!r.ok) return { error: body.error };
      if (body.status !== 'requires_action') return outcome(body);
      await authenticate(body);
      return outcome(await retrieve(clientSecret));
    };
    return {
      elements: function (options) {
        var deferred = options && options.mode === 'payment';
        if (deferred && (typeof options.amount !== 'number' || typeof options.currency !== 'string')) throw new Error('stand-in Stripe.js: mode payment needs amount and currency');
        var elements = {
          __standInInput: null,
          create: function (type) {
            if (type !== 'card' && type !== 'payment') throw new Error('stand-in Stripe.js: only the card and payment Elements are implemented');
            if (type === 'payment' && !deferred) throw new Error('stand-in Stripe.js: the payment Element is implemented with a deferred intent (mode: payment) only');
            var input = document.createElement('input');
            input.setAttribute('aria-label', 'Card number');
            input.autocomplete = 'cc-number';
            input.inputMode = 'numeric';
            if (type === 'payment') elements.__standInInput = input;
            return { __standInInput: input, mount: function (target) { (typeof target === 'string' ? document.querySelector(target) : target).appendChild(input); } };
          },
          submit: async function () {
            if (!elements.__standInInput) return { error: { type: 'validation_error', message: 'Mount a payment Element first.' } };
            if (!elements.__standInInput.value.trim()) return { error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' } };
            return {};
          },
          __options: options || null,
        };
        return elements;
      },
      confirmPayment: async function (params) {
        var elements = params && params.elements;
        if (!elements || !elements.__standInInput) return { error: { type: 'validation_error', message: 'elements must hold a payment Element' } };
        if (!params.clientSecret) return { error: { type: 'validation_error', message: 'clientSecret is required with a deferred intent' } };
        var returnUrl = params.confirmParams && params.confirmParams.return_url;
        if (!returnUrl) return { error: { type: 'validation_error', message: 'confirmParams.return_url is required' } };
        if (params.redirect !== 'if_required') return { error: { type: 'validation_error', message: 'stand-in Stripe.js: only redirect: if_required is implemented' } };
        var o = elements.__options;
        return confirmWith(params.clientSecret, elements.__standInInput, {
          return_url: returnUrl, 'standin_elements[amount]': String(o.amount), 'standin_elements[currency]': o.currency, 'standin_elements[capture_method]': o.captureMethod || '',
        });
      },
      confirmCardPayment: async function (clientSecret, data) {
        var card = data && data.payment_method && data.payment_method.card;
        if (!card || !card.__standInInput) return { error: { type: 'validation_error', message: 'payment_method.card must be a card Element' } };
        return confirmWith(clientSecret, card.__standInInput, {});
      },
    };
  };
})();
`;

/** Where the fake's 3-D Secure page sends the card holder back to: tells the stand-in it is done. */
export const THREE_DS_DONE_PAGE = `<!doctype html><title>3-D Secure done (fake)</title><p>Done.</p>
<script>parent.postMessage({ type: 'stripe-3ds-complete' }, '*');</script>`;
