// TypeBox helpers shared by the modules' HTTP schemas (one definition instead of a copy in each
// http.ts / http-schemas.ts).
import { Type, type SchemaOptions, type TSchema, type TUnion, type TNull } from '@sinclair/typebox';

/**
 * `T | null` as `anyOf: [T, null]`.
 *
 * The member order matters only where Ajv coerces types: there it coerces into the first member
 * that it can (`""` becomes `null` in `[null, string]`, `null` becomes `""` in `[string, null]`).
 * Since ADR 089 only query strings, path parameters and headers are coerced, JSON bodies are not,
 * and no query, path or header parameter of the API is nullable (schema-helpers.test.ts checks
 * it). Responses are serialized by fast-json-stringify, which takes the first member that
 * validates, without coercion: `null` matches only the null member unless T itself accepts null.
 * Before using `Nullable` in a query, path or header schema, decide the order (ADR 102).
 */
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()], options);

/** An RFC 3339 timestamp (`format: date-time`). */
export const DateTime = Type.String({ format: 'date-time' });
