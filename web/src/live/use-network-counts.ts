import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ok } from '../api/client.js';
import { authHeaders } from '../api/credentials.js';
import type { NetworkSummary } from '../api/types.js';
import { applyEvent, countsEvent, withSummary, type LiveCounts } from './network-counts.js';
import { useLiveEvents } from './live-events.js';

/** A re-fetch after a status the events could not place; after session events (energy); periodic. */
const INEXACT_MS = 500;
const SESSION_MS = 3000;
const PERIODIC_MS = 30_000;

const localMidnight = () => {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  return midnight.toISOString();
};

let prefetched: Promise<NetworkSummary | null> | null = null;

/**
 * Asks for the summary while the app still signs in (main.tsx, on the overview URL), so the
 * first counts do not wait for /auth/me first. Not through the API client: a 401 here only means
 * "not signed in yet" and must not sign anyone out. null: use a normal fetch.
 */
export function prefetchNetworkSummary(): void {
  const url = `/api/v1/network-summary?since=${encodeURIComponent(localMidnight())}`;
  prefetched = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json', ...authHeaders('GET') } })
    .then(async (response) => (response.ok ? ((await response.json()) as NetworkSummary) : null), () => null);
}

/** The prefetched answer, once. */
async function takePrefetched(): Promise<NetworkSummary | null> {
  const pending = prefetched;
  prefetched = null;
  return pending ? pending : null;
}

/**
 * The network summary, live: events move counts at once (network-counts.ts), and whenever an
 * event cannot be placed exactly the summary is fetched again shortly after. A fetch that was
 * overtaken by events is followed by another, so the numbers settle on the server's.
 */
export function useNetworkCounts(): { counts: LiveCounts | null; error: unknown; reload(): void } {
  const current = useRef<LiveCounts | null>(null);
  const [counts, setCounts] = useState<LiveCounts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const overtaken = useRef(false);
  const timer = useRef<{ handle: ReturnType<typeof setTimeout>; due: number } | null>(null);
  const mounted = useRef(true);

  const fetchNow = useCallback(async (): Promise<void> => {
    if (timer.current) { clearTimeout(timer.current.handle); timer.current = null; }
    if (inFlight.current) { overtaken.current = true; return; }
    inFlight.current = true;
    overtaken.current = false;
    try {
      const summary = (await takePrefetched()) ?? await ok(api.GET('/api/v1/network-summary', { params: { query: { since: localMidnight() } } }));
      if (!mounted.current) return;
      current.current = withSummary(current.current, summary);
      setCounts(current.current);
      setError(null);
    } catch (failure) {
      if (mounted.current) setError(failure);
    } finally {
      inFlight.current = false;
      if (overtaken.current && mounted.current) schedule(INEXACT_MS);
    }
  }, []);

  /** Fetches within `ms` (an earlier fetch already planned stands). */
  const schedule = useCallback((ms: number) => {
    const due = Date.now() + ms;
    if (timer.current && timer.current.due <= due) return;
    if (timer.current) clearTimeout(timer.current.handle);
    timer.current = { handle: setTimeout(() => void fetchNow(), ms), due };
  }, [fetchNow]);

  useEffect(() => {
    mounted.current = true;
    void fetchNow();
    const periodic = setInterval(() => void fetchNow(), PERIODIC_MS);
    return () => {
      mounted.current = false;
      clearInterval(periodic);
      if (timer.current) clearTimeout(timer.current.handle);
    };
  }, [fetchNow]);

  useLiveEvents((event) => {
    if (inFlight.current) overtaken.current = true;
    if (event.type.startsWith('session.')) return schedule(SESSION_MS);
    if (!current.current) return;
    const applied = applyEvent(current.current, event);
    current.current = applied.counts;
    setCounts(applied.counts);
    if (!applied.exact) schedule(INEXACT_MS);
  }, countsEvent);

  return { counts, error, reload: () => void fetchNow() };
}
