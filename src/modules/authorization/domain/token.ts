/**
 * ID tokens (OCPP block C): what an operator stores about an identifier, and the rules its fields
 * follow. Pure: no I/O.
 */

/** OCPP 2.0.1 IdTokenEnumType. OCPP 2.1 opens the list (IdTokenEnumStringType: any string of up to 20 characters). */
export const OCPP201_TOKEN_TYPES = [
  'Central', 'eMAID', 'ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization',
] as const;
export type Ocpp201TokenType = (typeof OCPP201_TOKEN_TYPES)[number];

/** Longest value by version: 1.6 idTag (CiString20), 2.0.1 idToken (36), 2.1 idToken (255). */
export const TOKEN_VALUE_MAX = { 'ocpp1.6': 20, 'ocpp2.0.1': 36, 'ocpp2.1': 255 } as const;
export const TOKEN_TYPE_MAX = 20;
/** OCPP's language1 is a string of at most 8 characters (an RFC 5646 tag such as "en", "nl-BE"). */
export const LANGUAGE_MAX = 8;

export function isOcpp201TokenType(type: string): type is Ocpp201TokenType {
  return (OCPP201_TOKEN_TYPES as readonly string[]).includes(type);
}

/** The fields an operator sets on a token. */
export type TokenFields = {
  idToken: string;
  type: string;
  groupIdToken: string | null;
  blocked: boolean;
  expiresAt: Date | null;
  language: string | null;
  owner: string | null;
  masterPass: boolean;
};

export type Token = TokenFields & {
  id: string;
  tenantId: string;
  createdAt: Date;
  updatedAt: Date;
};

/** A token as authorization needs it: with the type of its group token when that one is stored too. */
export type StoredToken = Pick<Token, 'id' | 'idToken' | 'type' | 'groupIdToken' | 'blocked' | 'expiresAt' | 'language' | 'masterPass'> & {
  groupIdTokenType: string | null;
  /** Where the token may charge (evseId 0: every EVSE of the station); empty or absent: anywhere. */
  locations?: TokenLocation[];
};

/** A station, or one EVSE of it (evseId > 0), where a token limited to places may charge. */
export type TokenLocation = { stationId: string; evseId: number };

/** The status of the token itself at a moment, before any session check. */
export type TokenState = 'Accepted' | 'Blocked' | 'Expired';

export function tokenStateAt(token: Pick<Token, 'blocked' | 'expiresAt'>, at: Date): TokenState {
  if (token.blocked) return 'Blocked';
  if (token.expiresAt && token.expiresAt.getTime() <= at.getTime()) return 'Expired';
  return 'Accepted';
}

// Printable, no control characters: values come from RFID readers, QR codes and CSV files.
const PRINTABLE = /^[^\p{Cc}]+$/u;
const CUSTOM_TYPE = /^[A-Za-z0-9._:-]{1,20}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,4})?$/;

/** Problems with a token value (or a group token value); empty when it is fine. */
export function checkTokenValue(value: string, field = 'idToken'): string[] {
  if (value.length === 0) return [`${field} is empty`];
  if (value.length > TOKEN_VALUE_MAX['ocpp2.1']) return [`${field} is longer than ${TOKEN_VALUE_MAX['ocpp2.1']} characters`];
  if (!PRINTABLE.test(value)) return [`${field} contains control characters`];
  if (value.trim() !== value) return [`${field} has leading or trailing spaces`];
  return [];
}

/**
 * The 2.0.1 types are accepted as spelled by OCPP; any other short identifier is a 2.1 type
 * (VIN, EVCCID, DirectPayment, ...). A known type in the wrong case is refused, not taken as new.
 */
export function checkTokenType(type: string): string[] {
  if (isOcpp201TokenType(type)) return [];
  const sameButCase = OCPP201_TOKEN_TYPES.find((known) => known.toLowerCase() === type.toLowerCase());
  if (sameButCase) return [`type "${type}" is spelled "${sameButCase}" in OCPP`];
  if (!CUSTOM_TYPE.test(type)) {
    return [`type "${type}" is neither an OCPP 2.0.1 type (${OCPP201_TOKEN_TYPES.join(', ')}) nor a 2.1 type of 1-${TOKEN_TYPE_MAX} letters, digits or . _ : -`];
  }
  return [];
}

export function checkLanguage(language: string): string[] {
  if (language.length > LANGUAGE_MAX || !LANGUAGE.test(language)) {
    return [`language "${language}" is not an RFC 5646 tag of at most ${LANGUAGE_MAX} characters (e.g. "en", "nl-BE")`];
  }
  return [];
}

/** Every problem with a token's fields; empty when it may be stored. */
export function checkTokenFields(fields: Partial<TokenFields>): string[] {
  const problems: string[] = [];
  if (fields.idToken !== undefined) problems.push(...checkTokenValue(fields.idToken));
  if (fields.type !== undefined) problems.push(...checkTokenType(fields.type));
  if (fields.groupIdToken) problems.push(...checkTokenValue(fields.groupIdToken, 'groupIdToken'));
  if (fields.language) problems.push(...checkLanguage(fields.language));
  if (fields.owner && fields.owner.length > 200) problems.push('owner is longer than 200 characters');
  if (fields.expiresAt && Number.isNaN(fields.expiresAt.getTime())) problems.push('expiresAt is not a valid date');
  return problems;
}
