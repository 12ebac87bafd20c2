import { useCallback, useEffect, useRef, useState } from 'react';

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Server-side cursor paging for the virtual tables: the first page on `key` change, the next
 * page when asked, answers of a superseded key dropped.
 */
export function usePaged<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, key: string) {
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = useCallback((from: string | undefined, mine: number) => {
    setLoading(true);
    fetcher.current(from).then(
      (page) => {
        if (mine !== generation.current) return;
        setRows((current) => (from === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => { if (mine === generation.current) { setError(failure); setLoading(false); } },
    );
  }, []);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setRows([]);
    setCursor(undefined);
    load(undefined, mine);
  }, [load]);

  useEffect(reload, [key, reload]);

  const loadMore = useCallback(() => {
    if (cursor) load(cursor, generation.current);
  }, [cursor, load]);

  return { rows, setRows, hasMore: Boolean(cursor), loading, error, loadMore, reload };
}
