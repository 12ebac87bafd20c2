// Event type patterns, shared by the SSE filter (?types=) and webhook subscriptions (eventTypes):
// an exact type (`session.ended`), a prefix (`station.*`, matching `station.connected` but not
// `station` itself), or `*` for everything.
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { DomainError } from '../../shared/domain-error.js';

/** A domain event once stored: its event_log id is the SSE id and the webhook event id. */
export type PersistedEvent = DomainEvent & { id: bigint };

const PATTERN = /^(\*|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(\.\*)?)$/;

export function isEventTypePattern(pattern: string): boolean {
  return pattern.length <= 100 && PATTERN.test(pattern);
}

/** Validates, trims and de-duplicates patterns; throws `code` naming the first bad one. */
export function parseEventTypePatterns(patterns: readonly string[], code: 'invalid_event_filter' | 'invalid_webhook'): string[] {
  const cleaned = [...new Set(patterns.map((p) => p.trim()).filter((p) => p.length > 0))];
  const bad = cleaned.find((p) => !isEventTypePattern(p));
  if (bad !== undefined) {
    throw new DomainError(code, `"${bad}" is not an event type pattern (e.g. session.ended, station.*, *)`);
  }
  return cleaned;
}

export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

/**
 * What a consumer asked for; null fields match everything. `stationIds`: only the events of these
 * stations (a site-scoped user's stream: events without a station are not theirs).
 */
export type EventFilter = { types: readonly string[] | null; stationId: string | null; stationIds?: ReadonlySet<string> | null };

export function matchesFilter(filter: EventFilter, event: DomainEvent): boolean {
  if (filter.stationId !== null && event.stationId !== filter.stationId) return false;
  if (filter.stationIds && (event.stationId === undefined || event.stationId === null || !filter.stationIds.has(event.stationId))) return false;
  return filter.types === null || matchesEventType(filter.types, event.type);
}
