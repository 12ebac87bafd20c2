// The JSON Schema (TypeBox) of a knowledge-base entry: the seed files and the API share it.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { RemoteAction } from './types.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const KbKeyFields = {
  vendor: Nullable(Text(100)),
  modelPattern: Nullable(Text(100)),
  firmwareMin: Nullable(Text(50)),
  firmwareMax: Nullable(Text(50)),
  ocppVersion: Nullable(Type.String({ pattern: '^ocpp(1\\.6|2\\.0\\.1|2\\.1)$', description: 'ocpp1.6, ocpp2.0.1 or ocpp2.1' })),
  errorCode: Nullable(Text(50)),
  vendorId: Nullable(Text(255)),
  vendorErrorCode: Nullable(Text(50)),
  component: Nullable(Text(50)),
  variable: Nullable(Text(50)),
  eventCode: Nullable(Text(50)),
};

export const KbContentFields = {
  meaning: Text(2000),
  severity: Type.Union([Type.Literal('critical'), Type.Literal('major'), Type.Literal('minor'), Type.Literal('info')]),
  probableCause: Text(2000),
  remoteAction: Type.Union([
    Type.Literal('none'), Type.Literal('trigger-status'), Type.Literal('soft-reset'), Type.Literal('hard-reset'), Type.Literal('unlock'),
    Type.Literal('clear-transaction'), Type.Literal('set-inoperative'), Type.Literal('work-order'),
  ]),
  technicianInstructions: Text(4000),
  source: Text(1000),
};

export const SeedEntrySchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]+(\\.[A-Za-z0-9_*-]+)+$' }),
  ...KbKeyFields,
  ...KbContentFields,
}, { additionalProperties: false });

export const SeedFileSchema = Type.Object({
  $comment: Type.String(),
  title: Type.String({ minLength: 1 }),
  entries: Type.Array(SeedEntrySchema, { minItems: 1 }),
}, { additionalProperties: false });

export type SeedFile = Static<typeof SeedFileSchema>;

// The schema's literals and REMOTE_ACTIONS must name the same actions (a `satisfies` on the literal
// array would widen it to an array and make the static type never, hence this check instead).
type SchemaRemoteAction = Static<typeof KbContentFields.remoteAction>;
type SameActions = [SchemaRemoteAction] extends [RemoteAction] ? ([RemoteAction] extends [SchemaRemoteAction] ? true : false) : false;
export const remoteActionsMatch: SameActions = true;
