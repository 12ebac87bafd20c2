// The driver's ad-hoc pages, server-rendered (no dashboard, no login, small enough for a phone on a
// weak connection): the tariff before the start (AFIR Art. 5: price per kWh, per minute, per
// session, VAT) with the card form, then live progress and cost. Everything interpolated is escaped.
import type { OcpiTariff, PriceComponent, TariffRestrictions } from '../tariffs/pricing/tariff-model.js';
import { Decimal } from '../tariffs/pricing/money.js';
import { currencyRules } from '../tariffs/tax/currencies.js';

export type Brand = { name: string; logo: string | null; primaryColor: string | null };
export type Offer = { found: { tariff: { tariff: Record<string, unknown>; currency: string }; vat: { rate: string } | null }; currency: string; holdAmount: string };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const UNITS: Record<string, string> = { ENERGY: 'per kWh', TIME: 'per hour charging', PARKING_TIME: 'per hour parked', FLAT: 'per session' };

function restrictionText(r: TariffRestrictions | undefined): string {
  if (!r) return '';
  const parts: string[] = [];
  if (r.start_time || r.end_time) parts.push(`${r.start_time ?? '00:00'}–${r.end_time ?? '24:00'}`);
  if (r.day_of_week) parts.push(r.day_of_week.map((d) => d.slice(0, 3).toLowerCase()).join(', '));
  if (r.min_power !== undefined || r.max_power !== undefined) parts.push(`${r.min_power ?? 0}–${r.max_power ?? '∞'} kW`);
  if (r.min_kwh !== undefined || r.max_kwh !== undefined) parts.push(`${r.min_kwh ?? 0}–${r.max_kwh ?? '∞'} kWh`);
  if (r.min_duration !== undefined || r.max_duration !== undefined) parts.push(`after ${Math.round((r.min_duration ?? 0) / 60)} min${r.max_duration !== undefined ? ` until ${Math.round(r.max_duration / 60)} min` : ''}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** One line per price component: the price incl. VAT (the driver pays that), and excl. VAT. */
export function tariffLines(tariff: OcpiTariff, jurisdictionVat: string | null): string[] {
  const minor = currencyRules(tariff.currency).minorUnits;
  const lines: string[] = [];
  for (const element of tariff.elements) {
    for (const component of element.price_components as PriceComponent[]) {
      if (element.restrictions?.reservation) continue;
      const excl = new Decimal(String(component.price));
      const rate = component.vat !== undefined ? String(component.vat) : jurisdictionVat;
      const incl = rate === null ? null : excl.times(new Decimal(rate).dividedBy(100).plus(1));
      // At least the currency's decimals, at most four (0.40, 0.476, 0.4165).
      const shown = (d: Decimal) => d.toFixed(Math.min(4, Math.max(minor, d.decimalPlaces())));
      lines.push(`${incl ? `${shown(incl)} ${tariff.currency}` : `${shown(excl)} ${tariff.currency} + VAT`} ${UNITS[component.type] ?? component.type}${restrictionText(element.restrictions)}${incl ? ` — ${shown(excl)} excl. ${new Decimal(rate!).toFixed()}% VAT` : ''}`);
    }
  }
  if (tariff.min_price) lines.push(`Minimum per session: ${String(tariff.min_price.incl_vat ?? tariff.min_price.excl_vat)} ${tariff.currency}`);
  if (tariff.max_price) lines.push(`Maximum per session: ${String(tariff.max_price.incl_vat ?? tariff.max_price.excl_vat)} ${tariff.currency}`);
  return lines;
}

/**
 * The page's Content-Security-Policy: nothing but this origin and the nonce'd inline script and
 * style; no frames, no plugins, no form posts elsewhere. Logos may be https or data: images.
 */
export const payPagePolicy = (nonce: string, stripeJs: StripeJs | null = null) => {
  const sources = stripeJs ? stripeJsSources(stripeJs.url) : null;
  return [
    "default-src 'none'", `script-src 'nonce-${nonce}'${sources ? ` ${sources.script}` : ''}`, `style-src 'nonce-${nonce}'`, "img-src 'self' https: data:",
    `connect-src 'self'${sources ? ` ${sources.connect}` : ''}`, ...(sources ? [`frame-src ${sources.frame}`] : []),
    "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
  ].join('; ');
};

/** Stripe.js on the pay page (ADR 065): the publishable key and where the script comes from. */
export type StripeJs = { publishableKey: string; url: string };

/**
 * What the CSP must allow for Stripe.js: its own origin for the script and its Element frames; the
 * real js.stripe.com also talks to api.stripe.com and frames 3-D Secure from hooks.stripe.com (as
 * Stripe documents for CSP). A stand-in (tests) is allowed its own origin only.
 */
function stripeJsSources(url: string): { script: string; connect: string; frame: string } {
  const origin = new URL(url).origin;
  if (origin === 'https://js.stripe.com') return { script: origin, connect: `${origin} https://api.stripe.com`, frame: `${origin} https://hooks.stripe.com` };
  return { script: origin, connect: origin, frame: origin };
}

/** A value for an inline script: JSON with nothing that could close the script element. */
const scriptValue = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Only a colour may go into the stylesheet (the tenant sets it; CSS injection otherwise). */
const safeColor = (color: string | null) => (color && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#1f2937');

function layout(brand: Brand, title: string, body: string, script: string, nonce: string, scriptUrl: string | null = null): string {
  const color = safeColor(brand.primaryColor);
  const logo = brand.logo && /^(https:\/\/|data:image\/)/.test(brand.logo) ? `<img class="logo" src="${escape(brand.logo)}" alt="">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · ${escape(brand.name)}</title>
<style nonce="${nonce}">.logo{max-height:40px}body{font-family:system-ui,sans-serif;margin:0;color:#111}header{background:${color};color:#fff;padding:12px 16px;display:flex;gap:12px;align-items:center}
main{padding:16px;max-width:480px;margin:auto}ul{padding-left:18px}button{background:${color};color:#fff;border:0;padding:12px;width:100%;font-size:1.1em;border-radius:6px}
input{width:100%;padding:10px;font-size:1em;box-sizing:border-box;margin:4px 0 12px}.big{font-size:2em;font-weight:600}.muted{color:#555;font-size:.9em}.error{color:#b00020}.card{border:1px solid #bbb;border-radius:6px;padding:10px;margin:4px 0 12px}</style></head>
<body><header>${logo}<strong>${escape(brand.name)}</strong></header><main>${body}</main>${scriptUrl ? `<script nonce="${nonce}" src="${escape(scriptUrl)}"></script>` : ''}<script nonce="${nonce}">${script}</script></body></html>`;
}

export function payPage(input: { brand: Brand; stationId: string; evseId: number; offer: Offer; provider: string | null; nonce: string; stripeJs?: StripeJs | null }): string {
  const stripeJs = input.provider === 'stripe' ? input.stripeJs ?? null : null;
  const tariff = input.offer.found.tariff.tariff as unknown as OcpiTariff;
  const lines = tariffLines(tariff, input.offer.found.vat?.rate ?? null).map((l) => `<li>${escape(l)}</li>`).join('');
  const testCard = stripeJs ? '<label for="card">Payment method</label><div id="card" class="card"></div>'
    : input.provider === 'stripe'
    ? '<label>Card (Stripe payment method)<input id="pm" name="paymentMethod" value="pm_card_visa" autocomplete="off"></label>'
    : '<p class="muted">Present your card at the terminal when asked.</p>';
  const body = `<h1>Charge at ${escape(input.stationId)} · point ${input.evseId}</h1>
<h2>Price</h2><ul id="tariff">${lines}</ul>
<p class="muted">We reserve ${escape(input.offer.holdAmount)} ${escape(input.offer.currency)} on your card and take only what you charge. Nothing is taken if no energy is delivered.</p>
${input.provider ? `<form id="pay"><label>Email for the receipt<input id="email" name="email" type="email" required autocomplete="email"></label>${testCard}
<button id="start" type="submit">Pay and start charging</button></form><p id="message" class="error" role="alert"></p>` : '<p class="error">Card payment is not available at this charger.</p>'}`;
  const script = `const form=document.getElementById('pay');if(form)form.addEventListener('submit',async(e)=>{e.preventDefault();
const button=document.getElementById('start');button.disabled=true;document.getElementById('message').textContent='';
const pm=document.getElementById('pm');const body={email:document.getElementById('email').value};if(pm)body.paymentMethod=pm.value;
const r=await fetch(location.pathname,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});const j=await r.json();
if(r.ok){location.href=j.nextAction?j.nextAction.url:j.progressUrl}else{document.getElementById('message').textContent=j.detail||j.title;button.disabled=false}});`;
  return layout(input.brand, 'Pay and charge', body, stripeJs ? stripeJsScript(stripeJs, input.offer) : script, input.nonce, stripeJs?.url ?? null);
}

/**
 * The form with Stripe.js: the Payment Element with a deferred intent (ADR 086, was the card Element
 * of ADR 065). Elements are created with the hold's amount, currency and manual capture, so they
 * offer only what can be held; on submit `elements.submit()` checks the input, the server creates
 * the manual-capture PaymentIntent and hands back its client secret, `confirmPayment` confirms it from
 * the browser (3-D Secure, or a redirect to the method's page that returns to /authenticated), and
 * /authenticated lets the server check the hold with Stripe and start the charge. Card numbers and
 * wallet tokens never reach this server.
 */
function stripeJsScript(stripeJs: StripeJs, offer: Offer): string {
  const amountMinor = new Decimal(offer.holdAmount).times(new Decimal(10).pow(currencyRules(offer.currency).minorUnits)).toDecimalPlaces(0).toNumber();
  const options = { mode: 'payment', amount: amountMinor, currency: offer.currency.toLowerCase(), captureMethod: 'manual' };
  return `const stripe=Stripe(${scriptValue(stripeJs.publishableKey)});const elements=stripe.elements(${scriptValue(options)});
elements.create('payment',{layout:'tabs'}).mount('#card');
const form=document.getElementById('pay');const message=document.getElementById('message');const button=document.getElementById('start');
form.addEventListener('submit',async(e)=>{e.preventDefault();button.disabled=true;message.textContent='';
try{const checked=await elements.submit();if(checked.error)throw new Error(checked.error.message);
const r=await fetch(location.pathname,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({email:document.getElementById('email').value})});const j=await r.json();
if(!r.ok)throw new Error(j.detail||j.title);if(!j.clientSecret){location.href=j.nextAction?j.nextAction.url:j.progressUrl;return}
const back=new URL(j.authenticatedUrl,location.href).href;
const result=await stripe.confirmPayment({elements,clientSecret:j.clientSecret,confirmParams:{return_url:back},redirect:'if_required'});if(result.error)throw new Error(result.error.message);
location.href=back}catch(error){message.textContent=error.message;button.disabled=false}});`;
}

export function progressPage(input: { brand: Brand; paymentId: string; currency: string; nonce: string }): string {
  const body = `<h1>Your charge</h1><p id="status" class="muted">Starting…</p>
<p>Energy <span id="energy" class="big">0.000</span> kWh</p><p>Cost so far <span id="cost" class="big">–</span> ${escape(input.currency)}</p>
<p id="receipt"></p>`;
  const script = `const labels={pending:'Waiting for your bank…',waiting:'Plug in your vehicle…',active:'Charging',completed:'Finished',captured:'Paid',voided:'No energy delivered: nothing was charged',refunded:'Refunded',failed:'Payment failed'};
async function tick(){const r=await fetch(location.pathname+'/status');if(!r.ok)return;const s=await r.json();
document.getElementById('energy').textContent=s.energyKwh;if(s.cost!==null)document.getElementById('cost').textContent=s.cost;
document.getElementById('status').textContent=labels[s.status==='authorised'?s.session:s.status]||s.status;
if(s.receiptUrl){document.getElementById('receipt').innerHTML='<a id="receipt-link" href="'+s.receiptUrl+'">Receipt (PDF)</a> — also sent by email.';return}
if(s.status==='failed'&&s.failure)document.getElementById('status').textContent='Payment failed: '+s.failure;if(s.status==='voided'||s.status==='failed')return;setTimeout(tick,1500)}tick();`;
  return layout(input.brand, 'Your charge', body, script, input.nonce);
}
