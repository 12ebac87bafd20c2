import { createHash } from 'node:crypto';

/**
 * Dedupe keys of session_events, unique per station: a retried message carries the same key and
 * is acknowledged without effect. 1.6 messages have no id of their own, so their key is built from
 * what makes them the same message; 2.x TransactionEvents are identified by (transactionId, seqNo).
 */
export const dedupeKeys = {
  start16: (connectorId: number, idTag: string, meterStart: number, at: Date) => `16:start:${connectorId}:${idTag}:${meterStart}:${at.getTime()}`,
  stop16: (transactionId: number, meterStop: number, at: Date) => `16:stop:${transactionId}:${meterStop}:${at.getTime()}`,
  meterValues16: (connectorId: number, transactionId: number | null, meterValue: unknown) =>
    `16:mv:${connectorId}:${transactionId ?? '-'}:${digest(meterValue)}`,
  transactionEvent2x: (transactionId: string, seqNo: number) => `2x:tx:${transactionId}:${seqNo}`,
  meterValues2x: (evseId: number, meterValue: unknown) => `2x:mv:${evseId}:${digest(meterValue)}`,
};

function digest(value: unknown): string {
  return createHash('sha1').update(canonicalJson(value)).digest('base64url');
}

/** JSON with object keys sorted: equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether a stored payload (jsonb: key order not kept) holds the same content as a new one. */
export const sameContent = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
