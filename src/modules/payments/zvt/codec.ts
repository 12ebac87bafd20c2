// ZVT (the German ECR-to-payment-terminal protocol, "ECR-Interface ZVT-Protocol", terminalhersteller.de)
// on the wire: pure encoding and decoding, no I/O. ADR 084.
//
// An APDU is <class> <instruction> <length> <data>. The length is one byte up to 254; from 255 on it
// is FF followed by two bytes, low byte first. The data of most messages is a row of BMPs ("bitmaps"):
// a one-byte tag, then a value whose size the tag alone defines: fixed (an amount is always 6 bytes
// of BCD), LLVAR / LLLVAR (the length as 2 or 3 bytes F0+digit), or BMP 06, a TLV container with a
// BER length. A tag this table does not know cannot be skipped, so it is an error, never a guess.

export class ZvtCodecError extends Error {
  constructor(message: string) {
    super(`ZVT: ${message}`);
    this.name = 'ZvtCodecError';
  }
}

export type Apdu = { cls: number; ins: number; data: Buffer };

/** Control fields of the messages used here (class, instruction). */
export const Command = {
  registration: [0x06, 0x00],
  preAuthorisation: [0x06, 0x22],
  partialReversal: [0x06, 0x23],
  bookTotal: [0x06, 0x24],
  preAuthorisationReversal: [0x06, 0x25],
  reversal: [0x06, 0x30],
  refund: [0x06, 0x31],
  /** ECR -> PT: stop the running command (the driver walked away). */
  abort: [0x06, 0xb0],
  /** PT -> ECR: the command is done, the ECR has the master rights back. */
  completion: [0x06, 0x0f],
  /** PT -> ECR: the command failed; the data's first byte is the result code. */
  abortByTerminal: [0x06, 0x1e],
  statusInformation: [0x04, 0x0f],
  intermediateStatus: [0x04, 0xff],
  printLine: [0x06, 0xd1],
  printTextBlock: [0x06, 0xd3],
  ack: [0x80, 0x00],
} as const satisfies Record<string, readonly [number, number]>;

export const is = (apdu: Apdu, control: readonly [number, number]) => apdu.cls === control[0] && apdu.ins === control[1];
/** A negative acknowledgement is 84 <error> (84 00 is positive, as 80 00). */
export const isNegativeAck = (apdu: Apdu) => apdu.cls === 0x84 && apdu.ins !== 0x00;
export const isAck = (apdu: Apdu) => (apdu.cls === 0x80 && apdu.ins === 0x00) || (apdu.cls === 0x84 && apdu.ins === 0x00);

export function encodeApdu(cls: number, ins: number, data: Buffer = Buffer.alloc(0)): Buffer {
  if (data.length > 0xffff) throw new ZvtCodecError(`APDU data of ${data.length} bytes is longer than 65535`);
  const header = data.length < 0xff
    ? Buffer.from([cls, ins, data.length])
    : Buffer.from([cls, ins, 0xff, data.length & 0xff, data.length >> 8]);
  return Buffer.concat([header, data]);
}

export const ACK = encodeApdu(0x80, 0x00);

/** The first complete APDU in `buffer` and its size in bytes, or null while more bytes are needed. */
export function readApdu(buffer: Buffer): { apdu: Apdu; size: number } | null {
  if (buffer.length < 3) return null;
  let length = buffer[2]!;
  let header = 3;
  if (length === 0xff) {
    if (buffer.length < 5) return null;
    length = buffer[3]! | (buffer[4]! << 8);
    header = 5;
  }
  if (buffer.length < header + length) return null;
  return { apdu: { cls: buffer[0]!, ins: buffer[1]!, data: Buffer.from(buffer.subarray(header, header + length)) }, size: header + length };
}

/** `value` as `bytes` bytes of packed BCD, most significant digit first (an amount in cents: 6 bytes). */
export function encodeBcd(value: number | bigint, bytes: number): Buffer {
  const digits = BigInt(value).toString();
  if (BigInt(value) < 0n || digits.length > bytes * 2) throw new ZvtCodecError(`${digits} does not fit ${bytes} BCD bytes`);
  return Buffer.from(digits.padStart(bytes * 2, '0'), 'hex');
}

export function decodeBcd(bytes: Buffer): number {
  const hex = bytes.toString('hex');
  if (!/^\d*$/.test(hex)) throw new ZvtCodecError(`${hex} is not BCD`);
  const value = Number(hex || '0');
  if (!Number.isSafeInteger(value)) throw new ZvtCodecError(`${hex} is too large`);
  return value;
}

type Format = number | 'LL' | 'LLL' | 'TLV';

/** Value formats of the BMPs a terminal may send in the flows used here (spec chapter "Bitmaps"). */
const BMP_FORMATS: Record<number, Format> = {
  0x01: 1, 0x02: 1, 0x03: 1, 0x04: 6, 0x05: 1, 0x06: 'TLV', 0x0b: 3, 0x0c: 3, 0x0d: 2, 0x0e: 2, 0x17: 2, 0x19: 1,
  0x22: 'LL', 0x23: 'LL', 0x24: 'LLL', 0x27: 1, 0x29: 4, 0x2a: 15, 0x2d: 'LL', 0x2e: 'LLL', 0x37: 3, 0x3a: 2, 0x3b: 8,
  0x3c: 'LLL', 0x3d: 3, 0x49: 2, 0x60: 'LLL', 0x87: 2, 0x88: 3, 0x8a: 1, 0x8b: 'LL', 0x8c: 1, 0x92: 'LLL', 0x9a: 'LLL',
  0xa0: 1, 0xa7: 'LL', 0xaa: 3, 0xaf: 'LLL', 0xba: 5, 0xd0: 1, 0xd1: 'LL', 0xd2: 1, 0xd3: 1,
};

/** Names of the BMPs this adapter reads, for code that should not speak hex. */
export const Bmp = {
  timeout: 0x01, serviceByte: 0x03, amount: 0x04, tlv: 0x06, traceNumber: 0x0b, time: 0x0c, date: 0x0d, expiry: 0x0e,
  paymentType: 0x19, pan: 0x22, resultCode: 0x27, terminalId: 0x29, vuNumber: 0x2a, aid: 0x3b, additionalText: 0x3c,
  currency: 0x49, receiptNumber: 0x87, turnoverNumber: 0x88, cardType: 0x8a, cardName: 0x8b,
} as const;

const varLength = (count: number, length: number): Buffer => {
  const digits = String(length);
  if (digits.length > count) throw new ZvtCodecError(`variable field of ${length} bytes is too long`);
  return Buffer.from([...digits.padStart(count, '0')].map((d) => 0xf0 | Number(d)));
};
const readVarLength = (data: Buffer, at: number, count: number): number => {
  if (at + count > data.length) throw new ZvtCodecError('truncated variable length');
  let length = 0;
  for (let i = 0; i < count; i++) {
    const byte = data[at + i]!;
    if ((byte & 0xf0) !== 0xf0 || (byte & 0x0f) > 9) throw new ZvtCodecError(`bad variable length byte ${byte.toString(16)}`);
    length = length * 10 + (byte & 0x0f);
  }
  return length;
};

/** A BER-TLV length (BMP 06): short form below 0x80, else 0x81/0x82 and one or two bytes. */
export function encodeTlvLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length <= 0xff) return Buffer.from([0x81, length]);
  if (length <= 0xffff) return Buffer.from([0x82, length >> 8, length & 0xff]);
  throw new ZvtCodecError(`TLV length ${length} too large`);
}
function readTlvLength(data: Buffer, at: number): { length: number; size: number } {
  const first = data[at];
  if (first === undefined) throw new ZvtCodecError('truncated TLV length');
  if (first < 0x80) return { length: first, size: 1 };
  if (first === 0x81 && at + 1 < data.length) return { length: data[at + 1]!, size: 2 };
  if (first === 0x82 && at + 2 < data.length) return { length: (data[at + 1]! << 8) | data[at + 2]!, size: 3 };
  throw new ZvtCodecError(`bad TLV length byte ${first.toString(16)}`);
}

/** One BMP on the wire: the tag, the length prefix its format needs, the value. */
export function encodeBmp(tag: number, value: Buffer): Buffer {
  const format = BMP_FORMATS[tag];
  if (format === undefined) throw new ZvtCodecError(`unknown BMP ${tag.toString(16)}`);
  if (typeof format === 'number') {
    if (value.length !== format) throw new ZvtCodecError(`BMP ${tag.toString(16)} takes ${format} bytes, not ${value.length}`);
    return Buffer.concat([Buffer.from([tag]), value]);
  }
  const prefix = format === 'LL' ? varLength(2, value.length) : format === 'LLL' ? varLength(3, value.length) : encodeTlvLength(value.length);
  return Buffer.concat([Buffer.from([tag]), prefix, value]);
}

/** Reads BMPs from `at` to the end of `data` (values without their length prefix). A repeated tag keeps its first value. */
export function decodeBmps(data: Buffer, at = 0): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  let i = at;
  while (i < data.length) {
    const tag = data[i]!;
    const format = BMP_FORMATS[tag];
    if (format === undefined) throw new ZvtCodecError(`unknown BMP ${tag.toString(16)} at byte ${i}`);
    let start: number;
    let length: number;
    if (typeof format === 'number') {
      start = i + 1;
      length = format;
    } else if (format === 'TLV') {
      const tlv = readTlvLength(data, i + 1);
      start = i + 1 + tlv.size;
      length = tlv.length;
    } else {
      const count = format === 'LL' ? 2 : 3;
      length = readVarLength(data, i + 1, count);
      start = i + 1 + count;
    }
    if (start + length > data.length) throw new ZvtCodecError(`BMP ${tag.toString(16)} runs past the end of the message`);
    if (!fields.has(tag)) fields.set(tag, Buffer.from(data.subarray(start, start + length)));
    i = start + length;
  }
  return fields;
}

export const amountBmp = (minor: number) => {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new ZvtCodecError(`amount ${minor} is not a whole number of minor units`);
  return encodeBmp(Bmp.amount, encodeBcd(minor, 6));
};
export const currencyBmp = (numericCode: number) => encodeBmp(Bmp.currency, encodeBcd(numericCode, 2));
export const receiptBmp = (receipt: number) => encodeBmp(Bmp.receiptNumber, encodeBcd(receipt, 2));
export const passwordField = (password: string) => {
  if (!/^\d{6}$/.test(password)) throw new ZvtCodecError('the terminal password is six digits');
  return Buffer.from(password, 'hex');
};

/** What a status information (04 0F) says about a transaction, decoded. */
export type StatusInformation = {
  resultCode: number;
  amountMinor?: number; currency?: number; receiptNumber?: number; traceNumber?: number; turnoverNumber?: number;
  terminalId?: string; aid?: string; cardName?: string; maskedPan?: string; additionalText?: string;
};

export function decodeStatusInformation(data: Buffer): StatusInformation {
  const bmps = decodeBmps(data);
  const num = (tag: number) => (bmps.has(tag) ? decodeBcd(bmps.get(tag)!) : undefined);
  const text = (tag: number) => (bmps.has(tag) ? bmps.get(tag)!.toString('latin1').replace(/\0+$/, '').trim() : undefined);
  const status: StatusInformation = { resultCode: bmps.get(Bmp.resultCode)?.[0] ?? 0 };
  const fields: Partial<StatusInformation> = {
    amountMinor: num(Bmp.amount), currency: num(Bmp.currency), receiptNumber: num(Bmp.receiptNumber), traceNumber: num(Bmp.traceNumber),
    turnoverNumber: num(Bmp.turnoverNumber), terminalId: bmps.get(Bmp.terminalId)?.toString('hex'), aid: text(Bmp.aid),
    cardName: text(Bmp.cardName), additionalText: text(Bmp.additionalText),
    // The PAN comes as BCD with E for masked digits (ZVT masks all but the last four).
    maskedPan: bmps.get(Bmp.pan)?.toString('hex').replace(/e/g, '*').replace(/f+$/, ''),
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (status as Record<string, unknown>)[key] = value;
  return status;
}

/** Result codes of the spec's error list that a driver or an operator may meet; others print as hex. */
const RESULT_CODES: Record<number, string> = {
  0x00: 'no error', 0x05: 'declined by the card issuer (do not honour)', 0x33: 'card expired (issuer)', 0x51: 'insufficient funds (issuer)',
  0x64: 'card not readable', 0x65: 'card data not present', 0x66: 'processing error', 0x6b: 'function deactivated (terminal not registered)',
  0x6c: 'aborted by timeout or abort key', 0x6e: 'card on the blocked list', 0x6f: 'wrong currency', 0x71: 'credit not sufficient',
  0x72: 'chip error', 0x73: 'card data incorrect', 0x78: 'card expired', 0x79: 'card not yet valid', 0x7a: 'card unknown',
  0x7d: 'communication error', 0x83: 'function not possible', 0x89: 'wrong PIN', 0x9a: 'ZVT protocol error', 0x9c: 'please wait',
  0xa0: 'receiver not ready', 0xa1: 'remote station does not respond', 0xa3: 'no connection', 0xb4: 'already reversed',
  0xb5: 'reversal not possible', 0xb7: 'pre-authorisation incorrect (amount too high) or amount wrong', 0xb8: 'error pre-authorisation',
  0xc3: 'maximum amount exceeded', 0xc5: 'payment method not supported', 0xc6: 'currency not applicable', 0xc8: 'amount too small',
  0xe2: 'card reader does not answer', 0xff: 'system error',
};
export const resultText = (code: number) => `${RESULT_CODES[code] ?? 'error'} (result code ${code.toString(16).padStart(2, '0').toUpperCase()})`;

/** ISO 4217 numeric codes of the currencies a terminal here may be set up for (BMP 49, registration CC). */
const NUMERIC_CURRENCIES: Record<string, number> = {
  EUR: 978, CHF: 756, GBP: 826, DKK: 208, SEK: 752, NOK: 578, PLN: 985, CZK: 203, HUF: 348, RON: 946, BGN: 975, ISK: 352, USD: 840,
};
export function numericCurrency(alpha: string): number {
  const code = NUMERIC_CURRENCIES[alpha];
  if (code === undefined) throw new ZvtCodecError(`no ISO 4217 numeric code known for ${alpha}`);
  return code;
}
