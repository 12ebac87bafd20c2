// The OCPI 2.2.1 CDR object built from a session, its place and its price. Amounts leave the
// exact decimal world here as JSON numbers, already rounded to the currency's minor units.
import type { PricedSession } from '../tariffs/pricing/pricing-result.js';
import countries from './country-alpha3.json' with { type: 'json' };

const ALPHA3: Record<string, string> = countries.alpha3;

/** ISO 3166-1 alpha-2 -> alpha-3 (OCPI Location.country); an unknown code is passed through as given. */
export function alpha3(alpha2: string | null): string {
  if (!alpha2) return '';
  return ALPHA3[alpha2.toUpperCase()] ?? alpha2;
}

export type CdrSession = {
  id: string; stationId: string; evseId: number; connectorId: number | null;
  idToken: string | null; idTokenType: string | null; authorizationMethod: string | null;
  startedAt: Date; endedAt: Date;
};
export type CdrPlace = {
  siteId: string | null; siteName: string | null; street: string | null; city: string | null; postalCode: string | null;
  country: string | null; latitude: number | null; longitude: number | null;
};
export type SignedValue = { nature: string; plain_data: string; signed_data: string };

const num = (value: string | null) => (value === null ? null : Number(value));
const price = (amount: { excl_vat: string; incl_vat: string | null }) => ({ excl_vat: Number(amount.excl_vat), ...(amount.incl_vat === null ? {} : { incl_vat: Number(amount.incl_vat) }) });

/** OCPI AuthMethod from how the session started (OCPP authorization method). */
export function authMethodOf(method: string | null): 'AUTH_REQUEST' | 'COMMAND' | 'WHITELIST' {
  if (method === 'Remote' || method === 'RemoteStart') return 'COMMAND';
  if (method === 'LocalList' || method === 'Cache' || method === 'NoAuthorization') return 'WHITELIST';
  return 'AUTH_REQUEST';
}

const TOKEN_TYPES: Record<string, string> = { ISO14443: 'RFID', ISO15693: 'RFID', eMAID: 'APP_USER', Central: 'OTHER', KeyCode: 'OTHER', MacAddress: 'OTHER' };

export function buildOcpiCdr(input: {
  cdrId: string; party: { countryCode: string; partyId: string }; session: CdrSession; place: CdrPlace;
  tariff: Record<string, unknown>; priced: PricedSession; signed: SignedValue[]; now: Date;
}): Record<string, unknown> {
  const { session, place, priced } = input;
  return {
    country_code: input.party.countryCode,
    party_id: input.party.partyId,
    id: input.cdrId,
    start_date_time: session.startedAt.toISOString(),
    end_date_time: session.endedAt.toISOString(),
    session_id: session.id,
    cdr_token: {
      country_code: input.party.countryCode, party_id: input.party.partyId,
      uid: session.idToken ?? 'UNKNOWN', type: TOKEN_TYPES[session.idTokenType ?? ''] ?? 'RFID', contract_id: session.idToken ?? 'UNKNOWN',
    },
    auth_method: authMethodOf(session.authorizationMethod),
    cdr_location: {
      id: place.siteId ?? session.stationId,
      name: place.siteName,
      address: place.street ?? '',
      city: place.city ?? '',
      postal_code: place.postalCode,
      // OCPI wants ISO 3166-1 alpha-3 here; sites keep alpha-2.
      country: alpha3(place.country),
      coordinates: place.latitude === null || place.longitude === null ? null : { latitude: String(place.latitude), longitude: String(place.longitude) },
      evse_uid: `${session.stationId}*${session.evseId}`,
      evse_id: `${session.stationId}*${session.evseId}`,
      connector_id: String(session.connectorId ?? 1),
    },
    currency: priced.currency,
    tariffs: [input.tariff],
    charging_periods: priced.chargingPeriods.map((p) => ({
      start_date_time: p.start_date_time,
      dimensions: p.dimensions.map((d) => ({ type: d.type, volume: Number(d.volume) })),
      tariff_id: p.tariff_id,
    })),
    ...(input.signed.length > 0 ? { signed_data: { encoding_method: 'OCPP', signed_values: input.signed } } : {}),
    total_cost: price(priced.totalCost),
    total_fixed_cost: price(priced.totalFixedCost),
    total_energy: num(priced.totalEnergyKwh),
    total_energy_cost: price(priced.totalEnergyCost),
    total_time: num(priced.totalTimeHours),
    total_time_cost: price(priced.totalTimeCost),
    total_parking_time: num(priced.totalParkingTimeHours),
    total_parking_cost: price(priced.totalParkingCost),
    total_reservation_cost: price(priced.totalReservationCost),
    credit: false,
    last_updated: input.now.toISOString(),
  };
}
