// The shared Nullable helper: its member order ([T, null]) cannot change what a request stores.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { startTestServer } from '../testing/test-server.js';
import { Nullable } from './schema-helpers.js';
import { requestValidatorCompiler } from './validator.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

function nullableSchemas(schema: unknown, path: string, found: string[]): void {
  if (schema === null || typeof schema !== 'object') return;
  const type = (schema as { type?: unknown }).type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) found.push(path);
  for (const [key, value] of Object.entries(schema)) nullableSchemas(value, `${path}/${key}`, found);
}

describe('schema helpers (src/api/schema-helpers.ts)', () => {
  let server: Server;
  before(async () => { server = await startTestServer(); });
  after(async () => { await server?.stop(); });

  it('no query, path or header parameter of the API is nullable (Ajv coerces those, so a member order would matter there)', () => {
    const document = server.openApiDocument() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: unknown }[] }>> };
    const found: string[] = [];
    let parameters = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) {
          parameters++;
          nullableSchemas(parameter.schema, `${method} ${path} ${parameter.in}:${parameter.name}`, found);
        }
      }
    }
    assert.ok(parameters > 100, `the document lists the API's parameters (${parameters})`);
    assert.deepEqual(found, [], 'a nullable query/path/header parameter: choose its anyOf order deliberately (ADR 102)');
  });

  it('a JSON body keeps null, 0, false and "" in a Nullable field (bodies are not coerced)', () => {
    const schema = Type.Object({ text: Nullable(Type.String()), number: Nullable(Type.Number()), flag: Nullable(Type.Boolean()) });
    const validate = requestValidatorCompiler()({ schema, method: 'POST', url: '/x', httpPart: 'body' }) as (data: unknown) => boolean;
    for (const body of [{ text: null, number: null, flag: null }, { text: '', number: 0, flag: false }]) {
      const data = structuredClone(body);
      assert.equal(validate(data), true);
      assert.deepEqual(data, body);
    }
    assert.equal(validate({ text: 1, number: '1', flag: 'true' }), false, 'wrong JSON types are refused, not converted');
  });
});
