import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Async<T> = { data: T | null; error: unknown; loading: boolean; reload(): void; setData(update: (current: T | null) => T | null): void };

/** Runs `load` when `deps` change; keeps the last data while reloading; ignores answers of stale runs. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): Async<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const run = useRef(0);
  useEffect(() => {
    const mine = ++run.current;
    setLoading(true);
    load().then(
      (value) => { if (mine === run.current) { setDataState(value); setError(null); setLoading(false); } },
      (failure: unknown) => { if (mine === run.current) { setError(failure); setLoading(false); } },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: (current: T | null) => T | null) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
