import { render, change, click, byLabel } from './render.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement, useState } from 'react';
import { importWeb } from './render.js';
import type { ElementDraft } from '../../../../web/src/components/tariff-element-editor.js';

const editor = await importWeb<typeof import('../../../../web/src/components/tariff-element-editor.js')>('../../../../web/src/components/tariff-element-editor.tsx');
const { TariffElementEditor, draftsToElements, elementsToDrafts, inclVat, newElement } = editor;

/** The editor with its elements in state; `last()` is the OCPI element list it would send. */
async function renderEditor(initial: ElementDraft[]) {
  let current = initial;
  function Harness() {
    const [elements, setElements] = useState(initial);
    return createElement(TariffElementEditor, { elements, onChange: (next: ElementDraft[]) => { current = next; setElements(next); } });
  }
  const view = await render(createElement(Harness));
  const button = (name: string) => [...view.container.querySelectorAll('button')].find((b) => b.textContent === name) ?? assert.fail(`no button "${name}"`);
  return { ...view, button, last: () => draftsToElements(current) };
}

describe('TariffElementEditor (OCPI 2.2.1 tariff elements)', () => {
  it('OCPI tariff_3-style element (TIME with restrictions) survives drafts -> elements unchanged, prices as exact decimal strings', () => {
    const elements = [
      { price_components: [{ type: 'TIME', price: 2.0, vat: 10.0, step_size: 60 }], restrictions: { start_time: '08:00', end_time: '18:00', day_of_week: ['MONDAY', 'FRIDAY'], max_kwh: '50.5', min_duration: 1800 } },
      { price_components: [{ type: 'ENERGY', price: '0.25', step_size: 1 }, { type: 'FLAT', price: '0.50', step_size: 1 }] },
    ];
    assert.deepEqual(draftsToElements(elementsToDrafts(elements)), [
      { price_components: [{ type: 'TIME', price: '2', vat: '10', step_size: 60 }], restrictions: { start_time: '08:00', end_time: '18:00', max_kwh: '50.5', min_duration: 1800, day_of_week: ['MONDAY', 'FRIDAY'] } },
      { price_components: [{ type: 'ENERGY', price: '0.25', step_size: 1 }, { type: 'FLAT', price: '0.50', step_size: 1 }] },
    ]);
  });

  it('shows the including-tax figure of a price, exactly (no float: 0.1 x 1.2 is 0.12)', () => {
    assert.equal(inclVat('0.30', '21'), '0.363');
    assert.equal(inclVat('0.1', '20'), '0.12');
    assert.equal(inclVat('1.00', '21'), '1.21');
    assert.equal(inclVat('0.35', '7.7'), '0.37695');
    assert.equal(inclVat('2', '0'), '2');
    assert.equal(inclVat('0.3', ''), null, 'no VAT given: the jurisdiction decides');
    assert.equal(inclVat('abc', '21'), null);
  });

  it('builds price components with step sizes and VAT, a second element with restrictions, and moves it first', async () => {
    const view = await renderEditor([newElement()]);
    await change(byLabel(view.container, 'Price 1.1'), '0.35');
    await change(byLabel(view.container, 'Step 1.1'), '100');
    await click(view.button('Add price component to element 1'));
    assert.equal((byLabel(view.container, 'Dimension 1.2') as HTMLSelectElement).value, 'FLAT', 'the next dimension not yet used is offered');
    await change(byLabel(view.container, 'Price 1.2'), '1.00');
    await change(byLabel(view.container, 'VAT % 1.2'), '21');
    assert.equal(view.container.querySelector('[data-testid="incl-1.2"]')?.textContent, ' = 1.21 incl. tax');
    assert.equal((byLabel(view.container, 'Step 1.2') as HTMLInputElement).disabled, true, 'FLAT has no step size');
    await click(view.button('Add element'));
    await change(byLabel(view.container, 'Dimension 2.1'), 'PARKING_TIME');
    await change(byLabel(view.container, 'Price 2.1'), '6');
    await change(byLabel(view.container, 'Step 2.1'), '900');
    await change(byLabel(view.container, 'From time of day (2)'), '22:00');
    await change(byLabel(view.container, 'Until time of day (2)'), '06:00');
    const saturday = [...view.container.querySelectorAll('fieldset[aria-label="Element 2"] .checks label')].find((l) => l.textContent === 'SAT')!.querySelector('input')!;
    await click(saturday);
    await change(byLabel(view.container, 'Reservation (2)'), 'RESERVATION');
    await click(view.button('Move element 2 up'));
    assert.deepEqual(view.last(), [
      { price_components: [{ type: 'PARKING_TIME', price: '6', step_size: 900 }], restrictions: { start_time: '22:00', end_time: '06:00', day_of_week: ['SATURDAY'], reservation: 'RESERVATION' } },
      { price_components: [{ type: 'ENERGY', price: '0.35', step_size: 100 }, { type: 'FLAT', price: '1.00', vat: '21', step_size: 1 }] },
    ]);
    await click(view.button('Remove component 2.2'));
    await click(view.button('Remove element 1'));
    assert.deepEqual(view.last(), [{ price_components: [{ type: 'ENERGY', price: '0.35', step_size: 100 }] }]);
    await view.unmount();
  });

  it('a cleared restriction leaves the element; every control has a label naming its element', async () => {
    const view = await renderEditor(elementsToDrafts([{ price_components: [{ type: 'ENERGY', price: '0.3', step_size: 1 }], restrictions: { min_kwh: '10' } }]));
    await change(byLabel(view.container, 'Min kWh (1)'), '');
    assert.deepEqual(view.last(), [{ price_components: [{ type: 'ENERGY', price: '0.3', step_size: 1 }] }]);
    for (const control of view.container.querySelectorAll('input, select')) assert.ok(control.closest('label'), `${control.outerHTML} has no label`);
    await view.unmount();
  });
});
