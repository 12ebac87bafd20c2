import { render, change, click, byLabel } from './render.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { createElement, useState } from 'react';
import { importWeb } from './render.js';
import type { JsonSchema } from '../../../../web/src/components/schema-form.js';

const { SchemaForm, initialValue, resolve } = await importWeb<typeof import('../../../../web/src/components/schema-form.js')>('../../../../web/src/components/schema-form.tsx');

const require = createRequire(import.meta.url);
const schemas = (file: string) => JSON.parse(readFileSync(require.resolve(`ocpp-rpc/lib/schemas/${file}`), 'utf8')) as Array<JsonSchema & { $id: string }>;
const schemaOf = (file: string, id: string) => schemas(file).find((s) => s.$id === id)!;

/** Renders the form with its value held in state, reporting every change. */
async function renderForm(schema: JsonSchema) {
  const values: unknown[] = [];
  function Harness() {
    const [value, setValue] = useState<unknown>(initialValue(schema, schema));
    return createElement(SchemaForm, { schema, value, onChange: (next: unknown) => { values.push(next); setValue(next); } });
  }
  const view = await render(createElement(Harness));
  return { ...view, last: () => values[values.length - 1] };
}

describe('SchemaForm (send any OCPP command)', () => {
  it('builds a 1.6 TriggerMessage payload: required enum preselected, optional integer omitted until filled', async () => {
    const schema = schemaOf('ocpp1_6.json', 'urn:TriggerMessage.req');
    assert.deepEqual(initialValue(schema, schema), { requestedMessage: 'BootNotification' });
    const form = await renderForm(schema);
    await change(byLabel(form.container, 'requestedMessage'), 'Heartbeat');
    assert.deepEqual(form.last(), { requestedMessage: 'Heartbeat' });
    await change(byLabel(form.container, 'connectorId'), '2');
    assert.deepEqual(form.last(), { requestedMessage: 'Heartbeat', connectorId: 2 });
    await change(byLabel(form.container, 'connectorId'), '');
    assert.deepEqual(form.last(), { requestedMessage: 'Heartbeat' }, 'a cleared optional field leaves the payload');
    await form.unmount();
  });

  it('follows $ref definitions of the 2.0.1 schemas and nests required objects (RequestStartTransaction.idToken)', async () => {
    const schema = schemaOf('ocpp2_0_1.json', 'urn:RequestStartTransaction.req');
    const idToken = resolve(schema.properties!['idToken']!, schema);
    assert.equal(idToken.type, 'object');
    const form = await renderForm(schema);
    assert.ok(form.container.querySelector('fieldset legend')?.textContent?.startsWith('idToken'), 'idToken is a fieldset');
    await change(byLabel(form.container, 'remoteStartId'), '7');
    await change(byLabel(form.container, 'idToken *'), 'TAG-1');
    await change(byLabel(form.container, 'type'), 'ISO14443');
    assert.deepEqual(form.last(), { remoteStartId: 7, idToken: { idToken: 'TAG-1', type: 'ISO14443' } });
    await form.unmount();
  });

  it('adds and removes array items and includes an optional object only when asked (2.0.1 GetVariables / SetChargingProfile)', async () => {
    const schema = schemaOf('ocpp2_0_1.json', 'urn:GetVariables.req');
    const form = await renderForm(schema);
    const add = [...form.container.querySelectorAll('button')].find((b) => b.textContent === 'Add getVariableData')!;
    await click(add);
    const value = form.last() as { getVariableData: Array<{ component: { name?: string }; variable: { name?: string } }> };
    assert.equal(value.getVariableData.length, 1);
    assert.deepEqual(Object.keys(value.getVariableData[0]!).sort(), ['component', 'variable'], 'required members start present');
    await click([...form.container.querySelectorAll('button')].find((b) => b.textContent === 'Remove')!);
    assert.deepEqual(form.last(), { getVariableData: [] });
    await form.unmount();

    const profile = schemaOf('ocpp2_0_1.json', 'urn:RequestStartTransaction.req');
    const second = await renderForm(profile);
    const include = [...second.container.querySelectorAll('label')].find((l) => l.textContent?.includes('Include chargingProfile'))!;
    assert.ok(include, 'optional object offered behind a checkbox');
    await click(include.querySelector('input')!);
    assert.ok(typeof (second.last() as { chargingProfile?: unknown }).chargingProfile === 'object');
    await second.unmount();
  });

  it('labels every control (keyboard and screen-reader use)', async () => {
    const schema = schemaOf('ocpp2_0_1.json', 'urn:SetVariables.req');
    const form = await renderForm(schema);
    await click([...form.container.querySelectorAll('button')].find((b) => b.textContent === 'Add setVariableData')!);
    for (const control of form.container.querySelectorAll('input, select')) {
      const labelled = control.id && form.container.querySelector(`label[for="${CSS.escape(control.id)}"]`) || control.closest('label');
      assert.ok(labelled, `control ${control.id || control.outerHTML} has a label`);
    }
    await form.unmount();
  });
});
