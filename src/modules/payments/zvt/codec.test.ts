// ZVT codec: APDU framing (incl. the extended FF length), BCD amounts, BMP fields with fixed,
// LLVAR/LLLVAR and TLV lengths, status information as a terminal sends it. Byte strings are
// written out as the ZVT specification shows them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACK, amountBmp, Bmp, currencyBmp, decodeBcd, decodeBmps, decodeStatusInformation, encodeApdu, encodeBcd, encodeBmp, numericCurrency,
  passwordField, readApdu, receiptBmp, resultText, ZvtCodecError,
} from './codec.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('ZVT codec', () => {
  it('frames an APDU: class, instruction, one length byte; ACK is 80 00 00', () => {
    assert.deepEqual(ACK, hex('80 00 00'));
    assert.deepEqual(encodeApdu(0x06, 0x22, amountBmp(5000)), hex('06 22 07 04 000000005000'));
    assert.deepEqual(readApdu(hex('06 0F 00 80')), { apdu: { cls: 0x06, ins: 0x0f, data: Buffer.alloc(0) }, size: 3 });
  });

  it('uses the extended length FF <low> <high> from 255 bytes of data, and reads it back', () => {
    const data = Buffer.alloc(300, 0xab);
    const apdu = encodeApdu(0x04, 0x0f, data);
    assert.deepEqual(apdu.subarray(0, 5), hex('04 0F FF 2C 01'));
    assert.equal(apdu.length, 305);
    assert.deepEqual(readApdu(apdu)!.apdu.data, data);
    assert.equal(readApdu(apdu)!.size, 305);
    assert.deepEqual(encodeApdu(0x04, 0x0f, Buffer.alloc(254)).subarray(0, 3), hex('04 0F FE'));
    assert.deepEqual(encodeApdu(0x04, 0x0f, Buffer.alloc(255)).subarray(0, 5), hex('04 0F FF FF 00'));
  });

  it('waits for more bytes when an APDU is incomplete (TCP may split it anywhere)', () => {
    const apdu = encodeApdu(0x04, 0x0f, Buffer.alloc(300, 1));
    for (const cut of [0, 1, 2, 3, 4, 5, 100, 304]) assert.equal(readApdu(apdu.subarray(0, cut)), null, `cut at ${cut}`);
    const two = Buffer.concat([ACK, encodeApdu(0x06, 0x0f)]);
    const first = readApdu(two)!;
    assert.deepEqual([first.apdu.cls, first.size], [0x80, 3]);
    assert.deepEqual(readApdu(two.subarray(first.size))!.apdu.ins, 0x0f);
  });

  it('encodes amounts as 6-byte BCD in minor units, and refuses what does not fit', () => {
    assert.deepEqual(encodeBcd(1234, 6), hex('000000001234'));
    assert.deepEqual(amountBmp(999_999_999_999), hex('04 999999999999'));
    assert.equal(decodeBcd(hex('000000012345')), 12345);
    assert.throws(() => amountBmp(1_000_000_000_000), ZvtCodecError);
    assert.throws(() => amountBmp(12.5), ZvtCodecError);
    assert.throws(() => amountBmp(-1), ZvtCodecError);
    assert.throws(() => decodeBcd(hex('0A')), /not BCD/);
  });

  it('currency 0x49 and receipt number 0x87 are 2-byte BCD; the password 3-byte BCD', () => {
    assert.deepEqual(currencyBmp(numericCurrency('EUR')), hex('49 0978'));
    assert.deepEqual(receiptBmp(17), hex('87 0017'));
    assert.deepEqual(passwordField('123456'), hex('123456'));
    assert.throws(() => passwordField('12345'), /six digits/);
    assert.throws(() => numericCurrency('XXX'), /no ISO 4217 numeric code/);
  });

  it('LLVAR and LLLVAR lengths are F0+digit bytes; TLV (06) a BER length', () => {
    assert.deepEqual(encodeBmp(Bmp.cardName, Buffer.from('girocard')), Buffer.concat([hex('8B F0 F8'), Buffer.from('girocard')]));
    assert.deepEqual(encodeBmp(Bmp.additionalText, Buffer.from('x'.repeat(123))).subarray(0, 4), hex('3C F1 F2 F3'));
    assert.deepEqual(encodeBmp(Bmp.tlv, Buffer.alloc(200)).subarray(0, 3), hex('06 81 C8'));
    const fields = decodeBmps(Buffer.concat([encodeBmp(Bmp.cardName, Buffer.from('VISA')), encodeBmp(Bmp.tlv, hex('1F 10 01 00')), hex('27 00')]));
    assert.deepEqual([...fields.keys()], [0x8b, 0x06, 0x27]);
    assert.equal(fields.get(0x8b)!.toString(), 'VISA');
    assert.deepEqual(fields.get(0x06), hex('1F 10 01 00'));
  });

  it('refuses an unknown BMP, a wrong fixed size and a field that runs past the end', () => {
    assert.throws(() => decodeBmps(hex('FE 00')), /unknown BMP fe/);
    assert.throws(() => decodeBmps(hex('04 0000')), /runs past the end/);
    assert.throws(() => decodeBmps(hex('8B F0')), /truncated variable length/);
    assert.throws(() => decodeBmps(hex('8B A1 00')), /bad variable length/);
    assert.throws(() => encodeBmp(Bmp.amount, hex('00')), /takes 6 bytes/);
  });

  it('decodes a status information (04 0F) of an approved pre-authorisation', () => {
    const data = hex(`27 00  04 000000005000  49 0978  0B 000101  87 0042  88 000101  29 52523535
      22 F0 F8 EEEEEEEEEEEE4242  8B F0 F4 56495341  3C F0 F0 F5 48656C6C6F`);
    assert.deepEqual(decodeStatusInformation(data), {
      resultCode: 0, amountMinor: 5000, currency: 978, traceNumber: 101, receiptNumber: 42, turnoverNumber: 101, terminalId: '52523535',
      maskedPan: '************4242', cardName: 'VISA', additionalText: 'Hello',
    });
    assert.equal(decodeStatusInformation(hex('27 05')).resultCode, 0x05);
  });

  it('names result codes for people', () => {
    assert.equal(resultText(0x6c), 'aborted by timeout or abort key (result code 6C)');
    assert.equal(resultText(0x42), 'error (result code 42)');
  });
});
