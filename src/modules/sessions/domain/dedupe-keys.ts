import * as crypto from 'node:crypto';

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

/** One-shot crypto.hash where Node has it (>= 20.12): the same SHA-1 digest without a Hash object per message. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

function digest(value: unknown): string {
  const text = canonicalJson(value);
  return oneShot ? oneShot('sha1', text, 'base64url') : crypto.createHash('sha1').update(text).digest('base64url');
}

/** JSON with object keys sorted: equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  // Built by concatenation, without entry arrays: the text (and so every dedupe key) is unchanged.
  if (Array.isArray(value)) {
    let text = '[';
    // A hole stays empty text, as Array.prototype.map + join left it.
    for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + (i in value ? canonicalJson(value[i]) : '');
    return text + ']';
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // Own enumerable string keys (as Object.entries), in UTF-16 code unit order (as the `<` comparison).
    const keys = Object.keys(object).sort();
    let text = '{';
    let first = true;
    for (const key of keys) {
      const v = object[key];
      if (v === undefined) continue;
      text += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v);
      first = false;
    }
    return text + '}';
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether a stored payload (jsonb: key order not kept) holds the same content as a new one. */
export const sameContent = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
