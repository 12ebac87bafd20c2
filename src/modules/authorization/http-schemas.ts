import { Type, type Static, type StringOptions, type TSchema } from '@sinclair/typebox';
import { tokenStateAt, type Token, type TokenFields } from './domain/token.js';
import type { LocalListView } from './local-list-service.js';
import { TOKEN_SORT } from './token-store.js';
import { sortParameter } from '../../api/sorting.js';
import type { StationAuthorizationSettings } from './local-list-store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

/**
 * A nullable request field as `type: [T, "null"]`, not anyOf: the API's Ajv coerces types, and in
 * an anyOf a string branch turns null into "" and a null branch turns false into null.
 */
const NullableString = (options: Omit<StringOptions, 'type'> = {}) => Type.Unsafe<string | null>({ ...options, type: ['string', 'null'] });
const NullableBoolean = () => Type.Unsafe<boolean | null>({ type: ['boolean', 'null'] });
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

const TokenValue = Type.String({ minLength: 1, maxLength: 255, description: 'The token value (RFID UID, eMAID, key code, ...): unique per tenant, compared case-insensitively' });
const TokenType = Type.String({ minLength: 1, maxLength: 20, description: 'ISO14443, ISO15693, KeyCode, Local, MacAddress, eMAID, Central, NoAuthorization, or an OCPP 2.1 type' });

export const TokenSchema = Type.Object({
  id: Type.String(),
  idToken: Type.String(),
  type: Type.String(),
  groupIdToken: Nullable(Type.String()),
  blocked: Type.Boolean(),
  expiresAt: Nullable(DateTime),
  language: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  masterPass: Type.Boolean(),
  status: Type.Union([Type.Literal('Accepted'), Type.Literal('Blocked'), Type.Literal('Expired')], { description: 'The token\'s own status now' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const tokenFields = {
  groupIdToken: Type.Optional(NullableString({ minLength: 1, maxLength: 255, description: 'Value of the group token (C09); OCPP 1.6 parentIdTag' })),
  blocked: Type.Optional(Type.Boolean()),
  expiresAt: Type.Optional(NullableString({ format: 'date-time' })),
  language: Type.Optional(NullableString({ maxLength: 8, description: 'RFC 5646 tag, e.g. en, nl-BE' })),
  owner: Type.Optional(NullableString({ maxLength: 200 })),
  masterPass: Type.Optional(Type.Boolean({ description: 'May stop any transaction (C16)' })),
};
export const CreateTokenBody = Type.Object({ idToken: TokenValue, type: TokenType, ...tokenFields }, { additionalProperties: false });
export const UpdateTokenBody = Type.Object({ idToken: Type.Optional(TokenValue), type: Type.Optional(TokenType), ...tokenFields }, { additionalProperties: false, minProperties: 1 });

export const TokenListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
  blocked: Type.Optional(Type.Boolean()),
  groupIdToken: Type.Optional(Type.String()),
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the value or owner' })),
  sort: sortParameter(TOKEN_SORT),
});

export function toTokenView(token: Token, at: Date): Static<typeof TokenSchema> {
  const { tenantId: _tenant, ...rest } = token;
  return {
    ...rest,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    status: tokenStateAt(token, at),
    createdAt: token.createdAt.toISOString(),
    updatedAt: token.updatedAt.toISOString(),
  };
}

type TokenBody = Static<typeof UpdateTokenBody>;

/** The body's fields in domain terms; absent fields stay absent. */
export function fromTokenBody(body: TokenBody): Partial<TokenFields> {
  const fields: Partial<TokenFields> = {};
  if (body.idToken !== undefined) fields.idToken = body.idToken;
  if (body.type !== undefined) fields.type = body.type;
  if (body.groupIdToken !== undefined) fields.groupIdToken = body.groupIdToken;
  if (body.blocked !== undefined) fields.blocked = body.blocked;
  if (body.expiresAt !== undefined) fields.expiresAt = body.expiresAt === null ? null : new Date(body.expiresAt);
  if (body.language !== undefined) fields.language = body.language;
  if (body.owner !== undefined) fields.owner = body.owner;
  if (body.masterPass !== undefined) fields.masterPass = body.masterPass;
  return fields;
}

export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });

// --- per-station authorization ----------------------------------------------------------------

export const SettingsSchema = Type.Object({
  stationId: Type.String(),
  authCacheEnabled: Nullable(Type.Boolean({ description: 'null: the station\'s own setting is left alone' })),
  localListEnabled: Type.Boolean(),
  localListVersion: Type.Integer({ description: 'The list version the station acknowledged' }),
  localListSyncedAt: Nullable(DateTime),
  localListSyncError: Nullable(Type.String({ description: 'Why the last sync left the list pending' })),
});

export const SettingsBody = Type.Object({
  authCacheEnabled: Type.Optional(NullableBoolean()),
  localListEnabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

const SettingResultSchema = Type.Object({ setting: Type.String(), status: Type.String(), detail: Nullable(Type.String()) });
export const SettingsChangeSchema = Type.Object({
  settings: SettingsSchema,
  applied: Nullable(Type.Array(SettingResultSchema), { description: 'The station\'s answer per setting; null when it is offline (applied when it connects)' }),
});

export function toSettingsView(settings: StationAuthorizationSettings): Static<typeof SettingsSchema> {
  return { ...settings, localListSyncedAt: settings.localListSyncedAt?.toISOString() ?? null };
}

const EntrySchema = Type.Object({
  type: Type.String(),
  status: Type.String(),
  expiresAt: Nullable(Type.String()),
  groupIdToken: Nullable(Type.String()),
  groupIdTokenType: Nullable(Type.String()),
  language: Nullable(Type.String()),
});

export const LocalListSchema = Type.Object({
  stationId: Type.String(),
  settings: SettingsSchema,
  pending: Type.Boolean({ description: 'The station does not hold the desired list yet' }),
  members: Type.Array(Type.Object({
    tokenId: Type.String(),
    idToken: Type.String(),
    entry: EntrySchema,
    state: Type.Union([Type.Literal('synced'), Type.Literal('pending'), Type.Literal('skipped')]),
    skippedReason: Nullable(Type.String()),
  })),
  pendingRemovals: Type.Array(Type.String()),
});

export function toLocalListView(view: LocalListView): Static<typeof LocalListSchema> {
  return { ...view, settings: toSettingsView(view.settings) };
}

export const MembersBody = Type.Object({
  members: Type.Array(Type.Union([
    Type.Object({ tokenId: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
    Type.Object({ idToken: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false }),
  ]), { maxItems: 10_000, description: 'Tokens by id or by value; replaces the desired list' }),
}, { additionalProperties: false });

export const SyncResultSchema = Type.Object({
  stationId: Type.String(),
  status: Type.String({ description: 'Accepted, UpToDate, Failed, NotSupported, VersionMismatch, Timeout, CallError, ...' }),
  detail: Nullable(Type.String()),
  version: Type.Integer(),
  messages: Type.Array(Type.Object({ updateType: Type.String(), version: Type.Integer(), entries: Type.Integer(), status: Type.String() })),
  skipped: Type.Array(Type.Object({ idToken: Type.String(), reason: Type.String() })),
});

export const VersionReportSchema = Type.Object({
  stationVersion: Nullable(Type.Integer({ description: 'The station\'s own answer; null when it has no local list support' })),
  supported: Type.Boolean(),
  acknowledgedVersion: Type.Integer({ description: 'The version it last acknowledged to us' }),
  inSync: Type.Boolean(),
});
