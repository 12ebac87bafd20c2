import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { openEventStream, type LiveEvent, type StreamState } from '../api/event-stream.js';

type Listener = (event: LiveEvent) => void;
type LiveApi = { state: StreamState; subscribe(listener: Listener): () => void };

const LiveContext = createContext<LiveApi | null>(null);

/** One event stream per tab, shared by every page; pages subscribe to what they show. */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<StreamState>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    const stream = openEventStream({
      onEvent: (event) => listeners.current.forEach((listener) => listener(event)),
      onState: setState,
    });
    return () => stream.close();
  }, []);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => { listeners.current.delete(listener); };
  }, []);
  const api = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <LiveContext.Provider value={api}>{children}</LiveContext.Provider>;
}

export function useLiveState(): StreamState {
  return useContext(LiveContext)?.state ?? 'connecting';
}

/** Calls `onEvent` for every live event (matching `filter`) while the component is mounted. */
export function useLiveEvents(onEvent: Listener, filter?: (event: LiveEvent) => boolean): void {
  const subscribe = useContext(LiveContext)?.subscribe;
  const handler = useRef(onEvent);
  const accept = useRef(filter);
  handler.current = onEvent;
  accept.current = filter;
  useEffect(() => {
    if (!subscribe) return;
    return subscribe((event) => {
      if (!accept.current || accept.current(event)) handler.current(event);
    });
  }, [subscribe]);
}
