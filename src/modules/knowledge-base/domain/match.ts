// Which knowledge-base entry explains a fault: pure, so the precedence is table-tested.
//
// An entry matches when every field it sets agrees with the fault (null = any). Among matches:
// 1. a tenant's entry beats a seed entry (an operator's word on its own fleet wins);
// 2. then the device it is specific to: vendor + model + firmware > vendor + model > vendor > any;
// 3. then the code it is specific to: a vendor code / event / variable says more than a 1.6 errorCode;
// 4. then the id, so the answer never depends on load order.
import { CODE_FIELDS, type FaultCode, type KbEntry, type KbKey } from './types.js';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Compares dotted versions segment by segment, numbers numerically ("1.10" > "1.9", "v2.2.0" = "2.2"). */
export function compareFirmware(a: string, b: string): number {
  const parts = (v: string) => v.trim().replace(/^v/i, '').split(/[.\-_+ ]/).filter((p) => p !== '');
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '0';
    const y = right[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  return 0;
}

/** Case-insensitive glob: `*` any run of characters, `?` one character. */
export function globMatches(pattern: string, value: string): boolean {
  const source = pattern.trim().split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'i').test(value.trim());
}

function deviceMatches(key: KbKey, fault: FaultCode): boolean {
  if (key.vendor !== null && (fault.vendor === null || !globMatches(key.vendor, fault.vendor))) return false;
  if (key.modelPattern !== null && (fault.model === null || !globMatches(key.modelPattern, fault.model))) return false;
  if (key.firmwareMin !== null || key.firmwareMax !== null) {
    if (fault.firmware === null) return false;
    if (key.firmwareMin !== null && compareFirmware(fault.firmware, key.firmwareMin) < 0) return false;
    if (key.firmwareMax !== null && compareFirmware(fault.firmware, key.firmwareMax) > 0) return false;
  }
  if (key.ocppVersion !== null && key.ocppVersion !== fault.ocppVersion) return false;
  return true;
}

function codesMatch(key: KbKey, fault: FaultCode): boolean {
  let any = false;
  for (const field of CODE_FIELDS) {
    const wanted = key[field];
    if (wanted === null) continue;
    const got = fault[field];
    // A 1.6 StatusNotification may carry no vendorId (or one the adapter could not tell apart from
    // the info text): an entry's vendorId then does not exclude it; its vendorErrorCode still must match.
    if (field === 'vendorId' && got === null) continue;
    if (got === null || !same(wanted, got)) return false;
    if (field !== 'vendorId') any = true;
  }
  return any;
}

export function entryMatches(entry: KbKey, fault: FaultCode): boolean {
  return deviceMatches(entry, fault) && codesMatch(entry, fault);
}

function deviceSpecificity(key: KbKey): number {
  if (key.vendor === null) return 0;
  return 1 + (key.modelPattern === null ? 0 : 1) + (key.firmwareMin === null && key.firmwareMax === null ? 0 : 1);
}

function codeSpecificity(key: KbKey): number {
  return (key.vendorErrorCode === null ? 0 : 4) + (key.eventCode === null ? 0 : 4) + (key.variable === null ? 0 : 2)
    + (key.component === null ? 0 : 1) + (key.errorCode === null ? 0 : 1) + (key.vendorId === null ? 0 : 1);
}

/** The precedence of two matching entries: negative when `a` wins. */
export function comparePrecedence(a: KbEntry, b: KbEntry): number {
  return (Number(b.origin === 'tenant') - Number(a.origin === 'tenant'))
    || (deviceSpecificity(b) - deviceSpecificity(a))
    || (codeSpecificity(b) - codeSpecificity(a))
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The entry that explains the fault best, or null. */
export function bestMatch(entries: readonly KbEntry[], fault: FaultCode): KbEntry | null {
  let best: KbEntry | null = null;
  for (const entry of entries) {
    if (entryMatches(entry, fault) && (best === null || comparePrecedence(entry, best) < 0)) best = entry;
  }
  return best;
}

/**
 * Whether the fault carries a code no entry knows: a vendor code or a 2.x event/variable that the
 * chosen entry (if any) does not key on. "OtherError" + an unknown vendor code is explained by the
 * generic OtherError entry, and still ranked as unknown, because the vendor code is what is missing.
 */
export function isUnknown(fault: FaultCode, match: KbEntry | null): boolean {
  if (!hasFault(fault)) return false;
  if (match === null) return true;
  if (fault.vendorErrorCode !== null && match.vendorErrorCode === null) return true;
  if (fault.eventCode !== null && match.eventCode === null) return true;
  return false;
}

/** NoError with nothing else is no fault at all. */
export function hasFault(fault: FaultCode): boolean {
  const code = fault.errorCode === null || same(fault.errorCode, 'NoError') ? null : fault.errorCode;
  return [code, fault.vendorErrorCode, fault.component, fault.variable, fault.eventCode].some((v) => v !== null && v.trim() !== '');
}

/** A stable identity of a fault for the unknown-code ranking. */
export function fingerprint(fault: FaultCode): string {
  const norm = (v: string | null) => (v === null ? '' : v.trim().toLowerCase());
  return [fault.ocppVersion, fault.vendor, fault.model, fault.errorCode, fault.vendorId, fault.vendorErrorCode, fault.component, fault.variable, fault.eventCode]
    .map((v) => norm(v ?? null)).join('|');
}
