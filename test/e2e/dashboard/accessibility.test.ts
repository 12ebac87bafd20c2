import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { RawStation, startTestServer } from '../../../src/testing/test-server.js';
import { ARTIFACTS, launchBrowser, openPage, signInWithApiKey } from './browser.js';
import { call } from './ocpp-peer.js';

/**
 * Issue 5 item 4 ("keyboard accessible with proper labels ... light and dark themes"), checked by
 * axe-core (WCAG 2.1 A and AA rules) on every main page of a real dashboard against a real
 * ChargeOps with a little data, in both themes, plus a keyboard walk through the skip link and the
 * sidebar. Serious and critical violations fail the test; all findings go to an artefact.
 */
const AXE = join('node_modules', 'axe-core', 'axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

type Finding = { page: string; theme: string; rule: string; impact: string; help: string; targets: string[] };

/** Injects axe-core and runs the WCAG 2.1 A/AA rules on what is on screen now. */
async function runAxe(page: Page, pageName: string, theme: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } })
      .axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, WCAG_TAGS);
  return violations.map((v) => ({ page: pageName, theme, ...v }));
}

/** Opens a page of the dashboard and waits until its heading is shown and nothing is loading. */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  // Lists and charts load after the heading; axe should see them as the operator does.
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 }).catch(() => undefined);
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.theme} ${f.page}: ${f.rule} (${f.impact}) ${f.help} -> ${f.targets.slice(0, 4).join(' | ')}${f.targets.length > 4 ? ` (+${f.targets.length - 4})` : ''}`).join('\n');
}

describe('dashboard: accessibility (axe-core WCAG 2.1 A/AA, keyboard) in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let station: RawStation;
  const stationId = 'A11Y-1';
  const ids = { site: '', tariff: '', session: '' };
  const everything: Finding[] = [];

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npx vite build web (or npm run build) first');
    server = await startTestServer();
    const site = await server.api.request('POST', '/api/v1/sites', { name: 'Access depot', country: 'NL', city: 'Delft', latitude: 52.01, longitude: 4.36, timeZone: 'Europe/Amsterdam' });
    assert.equal(site.status, 201, JSON.stringify(site.body));
    ids.site = site.body.id;
    assert.equal((await server.api.request('POST', '/api/v1/stations', { id: stationId, displayName: 'Access charger' })).status, 201);
    assert.equal((await server.api.request('PUT', `/api/v1/stations/${stationId}/site`, { siteId: ids.site })).status, 200);
    assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken: 'TAG-A11Y', type: 'ISO14443' })).status, 201);
    const tariff = await server.api.request('POST', '/api/v1/tariffs', { name: 'Access standard', tariff: { id: 'A11Y-1', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.35, step_size: 1 }] }] } });
    assert.equal(tariff.status, 201, JSON.stringify(tariff.body));
    ids.tariff = tariff.body.id;

    station = await RawStation.connect(server.baseUrl, stationId, ['ocpp1.6']);
    await call(station, 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'A11Y' });
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    const started = await call(station, 'StartTransaction', { connectorId: 1, idTag: 'TAG-A11Y', meterStart: 1000, timestamp: new Date(Date.now() - 3_600_000).toISOString() });
    const transactionId = (started[2] as { transactionId: number }).transactionId;
    await call(station, 'StopTransaction', { transactionId, meterStop: 8000, timestamp: new Date().toISOString(), idTag: 'TAG-A11Y' });
    // A fault, so the incidents board and the station's health panel have something to show.
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted' });
    const sessions = await server.api.request('GET', '/api/v1/sessions?limit=1');
    ids.session = sessions.body.items?.[0]?.id ?? '';

    browser = await launchBrowser();
  });

  after(async () => {
    writeFileSync(join(ARTIFACTS, 'accessibility-findings.json'), JSON.stringify(everything, null, 2));
    await station?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  function pages(): Array<[string, string]> {
    return [
      ['overview', '/'], ['sites', '/sites'], ['site', `/sites/${ids.site}`], ['site energy', `/sites/${ids.site}/energy`],
      ['stations', '/stations'], ['station', `/stations/${stationId}`], ['sessions', '/sessions'],
      ...(ids.session ? [['session', `/sessions/${ids.session}`] as [string, string]] : []),
      ['tokens', '/tokens'], ['tariffs', '/tariffs'], ['tariff', `/tariffs/${ids.tariff}`], ['tariff form', '/tariffs/new'],
      ['cdrs', '/cdrs'], ['invoices', '/invoices'], ['payments', '/payments'], ['reconciliation', '/reconciliation'], ['finance', '/finance'],
      ['incidents', '/incidents'], ['knowledge base', '/knowledge-base'], ['work orders', '/work-orders'], ['maintenance', '/maintenance'],
      ['reliability', '/reliability'], ['charging profiles', '/profiles'], ['webhooks', '/webhooks'], ['audit', '/audit'],
      ['api keys', '/api-keys'], ['users', '/users'], ['profile', '/profile'],
      ['customer groups', '/customer-groups'], ['health settings', '/incidents/settings'], ['playbooks', '/incidents/playbooks'],
      ['new knowledge base entry', '/knowledge-base/new'], ['new work order', '/work-orders/new'],
    ];
  }

  async function auditPages(theme: 'light' | 'dark', list: Array<[string, string]>): Promise<Finding[]> {
    const { page, errors } = await openPage(browser, { colorScheme: theme });
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), theme);
    const findings: Finding[] = [];
    for (const [name, path] of list) {
      await visit(page, server.baseUrl + path);
      findings.push(...await runAxe(page, name, theme));
    }
    // The login page, signed out.
    const { page: signedOut } = await openPage(browser, { colorScheme: theme });
    await visit(signedOut, `${server.baseUrl}/login`);
    findings.push(...await runAxe(signedOut, 'login', theme));
    await signedOut.context().close();
    assert.deepEqual(errors, [], 'no page error while visiting the pages');
    await page.context().close();
    everything.push(...findings);
    return findings;
  }

  it('every main page in the light theme has no serious or critical WCAG 2.1 A/AA violation', async () => {
    const failing = (await auditPages('light', pages())).filter((f) => FAILING_IMPACTS.has(f.impact));
    assert.equal(failing.length, 0, `axe-core found:\n${describeFindings(failing)}`);
  });

  it('the main pages in the dark theme have no serious or critical WCAG 2.1 A/AA violation', async () => {
    const main = new Set(['overview', 'sites', 'site', 'stations', 'station', 'sessions', 'session', 'incidents', 'tariff form', 'cdrs', 'finance', 'reliability', 'work orders', 'profile']);
    const failing = (await auditPages('dark', pages().filter(([name]) => main.has(name)))).filter((f) => FAILING_IMPACTS.has(f.impact));
    assert.equal(failing.length, 0, `axe-core found:\n${describeFindings(failing)}`);
  });

  it('TOTP enrolment on the profile shows a QR code of the otpauth link beside the secret, with no violation in either theme', async () => {
    const email = 'a11y-totp@e2e.test';
    const password = 'e2e-a11y-correct-horse-battery';
    const created = await server.api.request('POST', '/api/v1/users', { email, name: 'A11y User', role: 'operator', password });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    for (const theme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(browser, { viewport: { width: 820, height: 1180 }, colorScheme: theme });
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Network overview' }).waitFor();
      await page.getByRole('link', { name: 'Your account' }).click();
      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const qr = page.getByRole('img', { name: /QR code/ });
      await qr.waitFor();
      const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
      const link = await page.getByRole('link', { name: 'Open in authenticator app' }).getAttribute('href');
      assert.ok(secret && link?.startsWith('otpauth://totp/') && link.includes(`secret=${secret}`), `the secret stays for manual entry: ${secret} ${link}`);
      // The same library and options (web/src/components/totp-qr.tsx) draw the expected code from the link.
      const expected = await QRCode.toString(link ?? '', { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      assert.equal(await qr.getAttribute('src'), `data:image/svg+xml;charset=utf-8,${encodeURIComponent(expected)}`, 'the QR code encodes the otpauth link');
      assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR image is drawn');
      const failing = (await runAxe(page, 'profile (TOTP enrolment)', theme)).filter((f) => FAILING_IMPACTS.has(f.impact));
      everything.push(...failing);
      assert.equal(failing.length, 0, `axe-core found:\n${describeFindings(failing)}`);
      assert.deepEqual(errors, []);
      await page.context().close();
    }
  });

  it('on a tablet in portrait (820 x 1180) the main pages fit the width and pass the same rules', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 820, height: 1180 } });
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    const findings: Finding[] = [];
    const overflowing: string[] = [];
    for (const [name, path] of pages().filter(([n]) => ['overview', 'sites', 'stations', 'station', 'sessions', 'incidents', 'work orders', 'tariff form'].includes(n))) {
      await visit(page, server.baseUrl + path);
      findings.push(...(await runAxe(page, name, 'tablet')).filter((f) => FAILING_IMPACTS.has(f.impact)));
      // Wide tables scroll inside their panel; the page itself must not scroll sideways.
      const widths = await page.evaluate(() => {
        const view = document.documentElement.clientWidth;
        // The outermost elements that stick out, to say what to fix.
        const culprits = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > view + 1 && (e.parentElement?.getBoundingClientRect().right ?? 0) <= view + 1)
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
        return { page: document.documentElement.scrollWidth, view, culprits };
      });
      if (widths.page > widths.view) overflowing.push(`${name}: ${widths.page}px > ${widths.view}px (${widths.culprits.join(', ')})`);
    }
    everything.push(...findings);
    assert.equal(findings.length, 0, `axe-core found:\n${describeFindings(findings)}`);
    assert.deepEqual(overflowing, [], 'no page scrolls sideways on a tablet');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('keyboard: Tab from the top reaches "Skip to content", then the sidebar links; Enter follows a link; focus is visible', async () => {
    const { page } = await openPage(browser);
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Network overview' }).waitFor();
    const focused = () => page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim() ?? '', id: element.id, inSidebar: !!element.closest('nav[aria-label="Main"]'),
        outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
      };
    });

    await page.keyboard.press('Tab');
    const skip = await focused();
    assert.equal(skip?.text, 'Skip to content', 'the first Tab stop is the skip link');
    assert.ok(skip.outlineVisible && skip.onScreen, `the focused skip link is visible: ${JSON.stringify(skip)}`);

    let stop: Awaited<ReturnType<typeof focused>> = skip;
    for (let presses = 0; presses < 12 && !stop?.inSidebar; presses++) {
      await page.keyboard.press('Tab');
      stop = await focused();
      assert.ok(stop?.outlineVisible && stop.onScreen, `every Tab stop shows its focus: ${JSON.stringify(stop)}`);
    }
    assert.equal(stop?.inSidebar ? stop.text : null, 'Overview', 'after the top bar, Tab reaches the sidebar, starting at Overview');
    await page.keyboard.press('Tab');
    assert.equal((await focused())?.text, 'Sites');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sites', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/sites');

    // Enter on the skip link moves focus into the page's content.
    await page.reload();
    await page.getByRole('heading', { name: 'Sites', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal((await focused())?.text, 'Skip to content');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.context().close();
  });
});
