import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

export type Column<T> = { key: string; header: string; width: string; render(row: T): ReactNode };

type Props<T> = {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  /** More rows exist on the server: asked for when the last loaded rows come into view. */
  hasMore: boolean;
  loadMore(): void;
  loading?: boolean;
  rowHeight?: number;
  height?: string;
  empty?: ReactNode;
};

/**
 * A table that renders only the rows in view (plus a few), so 10,000+ rows scroll smoothly, and
 * asks for the next server page as the end comes near. ARIA table roles with row indexes keep
 * screen readers oriented although most rows are not in the DOM.
 */
export function VirtualTable<T>({ label, rows, columns, rowKey, hasMore, loadMore, loading = false, rowHeight = 40, height = '70vh', empty }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    // Prefetch a screenful early so scrolling rarely reaches an unloaded end.
    if (hasMore && !loading && lastIndex >= rows.length - 20) loadMore();
  }, [hasMore, loading, lastIndex, rows.length, loadMore]);

  const template = columns.map((c) => c.width).join(' ');
  // The scroller itself is the table (header row sticky inside it): a focusable wrapper between a
  // table and its rows is not allowed by ARIA (axe aria-required-children).
  return (
    <div className="vtable">
      <div ref={scroller} className="vscroll" style={{ height }} tabIndex={0} role="table" aria-label={label} aria-rowcount={hasMore ? -1 : rows.length + 1} data-testid="vtable-scroll">
        <div role="rowgroup" className="vhead-group">
          <div className="vrow vhead" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {columns.map((c) => <div role="columnheader" key={c.key}>{c.header}</div>)}
          </div>
        </div>
        {rows.length === 0 && !loading ? <div role="rowgroup"><div role="row"><div role="cell" className="empty">{empty ?? 'Nothing to show.'}</div></div></div> : null}
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={rowKey(row)} role="row" aria-rowindex={item.index + 2} className="vrow"
                style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {columns.map((c) => <div role="cell" key={c.key}>{c.render(row)}</div>)}
              </div>
            );
          })}
        </div>
      </div>
      {loading && <div className="loading" role="status">Loading more…</div>}
    </div>
  );
}
