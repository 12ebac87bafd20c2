// Editing a library charging profile in Chromium against a real ChargeOps (ADR 082): the page reads
// the profile with its ETag and saves with PATCH + If-Match, so the profile keeps its id; a profile
// changed by someone else while the form was open is refused (412) and not overwritten, and the
// operator saves again after re-opening it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot, signInWithApiKey } from './browser.js';

type Stored = { id: string; name: string; profile: { stackLevel: number; durationS?: number; periods: Array<{ startPeriod: number; limit: number }> } };

describe('dashboard: editing a library charging profile (issue 7) in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let id = '';
  const stored = async () => (await server.api.request('GET', `/api/v1/smart-charging/profiles/${id}`)).body as Stored;

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npx vite build web (or npm run build) first');
    server = await startTestServer();
    const created = await server.api.request('POST', '/api/v1/smart-charging/profiles', {
      name: 'Depot night', purpose: 'ChargePointMaxProfile', stackLevel: 4, kind: 'Absolute', durationS: 28_800, unit: 'A', periods: [{ startPeriod: 0, limit: 24 }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    id = created.body.id;
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await openPage(browser, { viewport: { width: 1100, height: 1200 } }));
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charging profiles' }).click();
    await page.getByRole('heading', { name: 'Charging profile library' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('K01 library profile: an edit saves in place (same id): name, limit, an emptied duration removed', async () => {
    await page.getByRole('button', { name: 'Edit Depot night' }).click();
    const form = page.getByRole('form', { name: 'Edit profile' });
    await form.waitFor();
    assert.equal(await form.getByLabel('Duration s').inputValue(), '28800');
    await form.getByLabel('Profile name').fill('Depot night 20 A');
    await form.getByLabel('Period 1 limit (A)').fill('20');
    await form.getByLabel('Duration s').fill('');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('profiles').getByRole('cell', { name: 'Depot night 20 A', exact: true }).waitFor();
    await page.getByTestId('profiles').getByRole('cell', { name: 'from 0 s: 20 A' }).waitFor();
    const now = await stored();
    assert.equal(now.id, id);
    assert.equal(now.name, 'Depot night 20 A');
    assert.deepEqual(now.profile.periods, [{ startPeriod: 0, limit: 20 }]);
    assert.equal(now.profile.stackLevel, 4);
    assert.equal(now.profile.durationS, undefined);
    const library = (await server.api.request('GET', '/api/v1/smart-charging/profiles')).body.items as Stored[];
    assert.deepEqual(library.map((p) => p.id), [id]);
  });

  it('a profile changed by someone else while the form is open is not overwritten: 412 shown, saved after re-opening', async () => {
    await page.getByRole('button', { name: 'Edit Depot night 20 A' }).click();
    const form = page.getByRole('form', { name: 'Edit profile' });
    await form.waitFor();
    await form.getByLabel('Period 1 limit (A)').fill('18');
    // Another operator lowers the stack level meanwhile.
    assert.equal((await server.api.request('PATCH', `/api/v1/smart-charging/profiles/${id}`, { stackLevel: 6 })).status, 200);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByRole('alert').filter({ hasText: /changed since it was read/ }).waitFor();
    await screenshot(page, 'profile-edit-stale');
    assert.equal((await stored()).profile.stackLevel, 6);
    assert.deepEqual((await stored()).profile.periods, [{ startPeriod: 0, limit: 20 }]);

    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit Depot night 20 A' }).click();
    await form.waitFor();
    assert.equal(await form.getByLabel('Stack level').inputValue(), '6');
    await form.getByLabel('Period 1 limit (A)').fill('18');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('profiles').getByRole('cell', { name: 'from 0 s: 18 A' }).waitFor();
    const now = await stored();
    assert.deepEqual([now.profile.stackLevel, now.profile.periods[0]!.limit], [6, 18]);
    assert.deepEqual(pageErrors, []);
  });
});
