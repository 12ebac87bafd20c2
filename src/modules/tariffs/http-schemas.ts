// TypeBox schemas of the tariffs API. The OCPI tariff itself is checked in depth by compileTariff
// (with JSON paths in the problem's `errors`); here only its outline.
import { Type } from '@sinclair/typebox';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Num = Type.Union([Type.Number(), Type.String({ pattern: '^-?\\d+(\\.\\d+)?$' })]);

export const IdleFee = Type.Object({
  pricePerHour: Type.String({ pattern: '^\\d+(\\.\\d+)?$' }),
  stepSeconds: Type.Integer({ minimum: 0 }),
  vatPercent: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?$' })),
  startTime: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
  endTime: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
}, { additionalProperties: false });

export const OcpiTariffOutline = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 36 }),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  elements: Type.Array(Type.Object({ price_components: Type.Array(Type.Object({ type: Type.String(), price: Num, step_size: Type.Integer() }, { additionalProperties: true })) }, { additionalProperties: true }), { minItems: 1 }),
}, { additionalProperties: true, description: 'An OCPI 2.2.1 Tariff object' });

export const TariffBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), tariff: OcpiTariffOutline, idleFee: Type.Optional(Nullable(IdleFee)) }, { additionalProperties: false });

export const TariffView = Type.Object({
  id: Type.String(), ocpiId: Type.String(), name: Type.String(), currency: Type.String(),
  tariff: Type.Record(Type.String(), Type.Unknown()), idleFee: Nullable(Type.Record(Type.String(), Type.Unknown())),
  version: Type.Integer(), createdAt: DateTime, updatedAt: DateTime,
});

export const AssignmentBody = Type.Object({
  scope: Type.Union([Type.Literal('tenant'), Type.Literal('site'), Type.Literal('station'), Type.Literal('evse')]),
  siteId: Type.Optional(Type.String({ minLength: 1 })),
  stationId: Type.Optional(Type.String({ minLength: 1 })),
  evseId: Type.Optional(Type.Integer({ minimum: 1 })),
  customerGroup: Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('fleet'), Type.Literal('roaming')]),
  groupRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Fleet contract id or roaming partner party id' })),
  validFrom: Type.Optional(DateTime),
  validTo: Type.Optional(DateTime),
}, { additionalProperties: false });

export const AssignmentView = Type.Object({
  id: Type.String(), tariffId: Type.String(), scope: Type.String(), siteId: Nullable(Type.String()), stationId: Nullable(Type.String()),
  evseId: Nullable(Type.Integer()), customerGroup: Type.String(), groupRef: Nullable(Type.String()),
  validFrom: DateTime, validTo: Nullable(DateTime),
});

export const ScheduleBody = Type.Object({
  entries: Type.Array(Type.Object({
    dimension: Type.Union([Type.Literal('ENERGY'), Type.Literal('TIME'), Type.Literal('PARKING_TIME')]),
    startsAt: DateTime, endsAt: DateTime,
    price: Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: 'Price per unit excl. VAT' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 2000 }),
}, { additionalProperties: false });

export const Interval = Type.Object({
  from: DateTime, to: DateTime,
  state: Type.Union([Type.Literal('reservation'), Type.Literal('charging'), Type.Literal('parking')]),
  energyWh: Type.Optional(Num), powerKw: Type.Optional(Num), currentA: Type.Optional(Num),
}, { additionalProperties: false });

export const PreviewBody = Type.Object({
  timeZone: Type.String({ minLength: 1, description: 'IANA zone the restrictions are read in, e.g. Europe/Amsterdam' }),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'Tax jurisdiction for components without VAT' })),
  region: Type.Optional(Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$' })),
  intervals: Type.Array(Interval, { minItems: 1, maxItems: 10000 }),
  reservationExpired: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
