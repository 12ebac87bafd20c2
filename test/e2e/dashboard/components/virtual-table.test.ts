import { render, importWeb } from './render.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { act, createElement } from 'react';

type Module = typeof import('../../../../web/src/components/virtual-table.js');
const { VirtualTable } = await importWeb<Module>('../../../../web/src/components/virtual-table.tsx');

type Row = { id: string; name: string };
const rowsOf = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `CP-${String(i).padStart(5, '0')}`, name: `Station ${i}` }));
const COLUMNS = [
  { key: 'id', header: 'Station', width: '1fr', render: (r: Row) => r.id },
  { key: 'name', header: 'Name', width: '1fr', render: (r: Row) => r.name },
];

// happy-dom does no layout: give the scroller a 400 px viewport, as a browser would.
const VIEWPORT = 400;
const isScroller = (element: HTMLElement) => element.dataset?.['testid'] === 'vtable-scroll';
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get() { return isScroller(this) ? VIEWPORT : 0; } });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get() { return 800; } });

/** The ids of the body rows in the DOM (the header row has column headers, not cells). */
const renderedIds = (container: HTMLElement) => [...container.querySelectorAll('[role="row"]')].flatMap((r) => {
  const cell = r.querySelector('[role="cell"]');
  return cell ? [cell.textContent] : [];
});

async function scrollTo(container: HTMLElement, top: number): Promise<void> {
  const scroller = container.querySelector('[data-testid="vtable-scroll"]') as HTMLElement;
  await act(async () => {
    scroller.scrollTop = top;
    scroller.dispatchEvent(new Event('scroll'));
  });
  await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
}

describe('VirtualTable (stations list, 10,000+ rows)', () => {
  it('renders only the rows in view out of 10,000, and the right ones after scrolling', async () => {
    const rows = rowsOf(10_000);
    const view = await render(createElement(VirtualTable<Row>, { label: 'Stations', rows, columns: COLUMNS, rowKey: (r: Row) => r.id, hasMore: false, loadMore: () => {} }));
    const first = renderedIds(view.container);
    assert.ok(first.length > 5 && first.length < 60, `rendered ${first.length} rows`);
    assert.equal(first[0], 'CP-00000');

    await scrollTo(view.container, 40 * 5000);
    const middle = renderedIds(view.container);
    assert.ok(middle.length < 60, `rendered ${middle.length} rows after scrolling`);
    assert.ok(middle.includes('CP-05000'), `row 5000 is rendered after scrolling to it (got ${middle[0]}..${middle[middle.length - 1]})`);
    assert.ok(!middle.includes('CP-00000'), 'the first rows left the DOM');
    const table = view.container.querySelector('[role="table"]')!;
    assert.equal(table.getAttribute('aria-rowcount'), '10001', 'row count for assistive technology includes the header');
    const row5000 = [...view.container.querySelectorAll('[role="row"]')].find((r) => r.textContent?.startsWith('CP-05000'))!;
    assert.equal(row5000.getAttribute('aria-rowindex'), '5002');
    await view.unmount();
  });

  it('asks for the next server page when the end of the loaded rows comes into view, once per page', async () => {
    let asked = 0;
    const props = (rows: Row[], hasMore: boolean, loading: boolean) => ({ label: 'Stations', rows, columns: COLUMNS, rowKey: (r: Row) => r.id, hasMore, loading, loadMore: () => { asked++; } });
    const view = await render(createElement(VirtualTable<Row>, props(rowsOf(200), true, false)));
    assert.equal(asked, 0, 'the first screen does not reach the end of 200 rows');
    await scrollTo(view.container, 40 * 190);
    assert.equal(asked, 1, 'near the end: the next page is asked for');
    await view.rerender(createElement(VirtualTable<Row>, props(rowsOf(200), true, true)));
    await scrollTo(view.container, 40 * 195);
    assert.equal(asked, 1, 'not again while that page is loading');
    await view.rerender(createElement(VirtualTable<Row>, props(rowsOf(400), false, false)));
    await scrollTo(view.container, 40 * 395);
    assert.equal(asked, 1, 'not when the server said there is no more');
    await view.unmount();
  });

  it('says so when there is nothing to show', async () => {
    const view = await render(createElement(VirtualTable<Row>, { label: 'Stations', rows: [], columns: COLUMNS, rowKey: (r: Row) => r.id, hasMore: false, loadMore: () => {}, empty: 'No stations match.' }));
    assert.match(view.container.textContent ?? '', /No stations match\./);
    await view.unmount();
  });
});
