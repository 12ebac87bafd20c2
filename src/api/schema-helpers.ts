// TypeBox building blocks every module's route schemas share, so the OpenAPI document spells a
// nullable field and a timestamp one way (`anyOf: [T, null]`, `format: date-time`).
import { Type, type TSchema } from '@sinclair/typebox';

/** A field that may be null: `T | null` in the generated client. */
export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) => Type.Union([schema, Type.Null()], options);

/** An RFC 3339 timestamp as the API writes it (ISO 8601, UTC). */
export const DateTime = Type.String({ format: 'date-time' });
