// Request validation with two Ajv instances. Query strings, path parameters and headers arrive as
// text, so they are coerced to their schema's types ("25" -> 25). A JSON body carries its own types
// and is never coerced: with coercion, Ajv turns `0` and `false` into `null` for `anyOf: [null, T]`
// and `null` into `0` / `""` / `false` for `anyOf: [T, null]`, so a site at longitude 0 lost its
// coordinates and a field set to null could be stored as 0. A body of the wrong type is refused.
import AjvModule, { type Options } from 'ajv';
import formatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

// As Fastify's own compiler, but for coercion; `strict: false` because route schemas carry OpenAPI
// annotations (examples, descriptions) that Ajv's strict mode would refuse.
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

function createAjv(coerceTypes: Options['coerceTypes']) {
  const ajv = new Ajv({ ...common, coerceTypes });
  addFormats(ajv);
  return ajv;
}

export function requestValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const textParts = createAjv('array');
  const body = createAjv(false);
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : textParts).compile(schema as object);
}
