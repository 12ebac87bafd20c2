/**
 * Generates src/protocol/<version>/generated/{types.ts,validators.js,validators.d.ts} from the OCA
 * JSON schemas shipped in ocpp-rpc (read as-is: their content is CC BY-ND 4.0, quirks are handled here).
 *
 *   npx tsx scripts/generate-protocol.ts           write the files
 *   npx tsx scripts/generate-protocol.ts --check   regenerate in memory; exit 1 naming each stale file
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fastUriModule from 'ajv/dist/runtime/uri.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import { DIRECTIONS, SEND_ACTIONS } from './protocol-directions.js';

const addFormats = addFormatsModule.default;
const fastUri = fastUriModule.default;
const standaloneCode = standaloneModule.default;
const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PKG_DIR = dirname(require.resolve('ocpp-rpc/package.json'));
const PKG_VERSION = (JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8')) as { version: string }).version;

type VersionDir = 'ocpp16' | 'ocpp201' | 'ocpp21';
type Spec = { dir: VersionDir; file: string; label: string; type: string; konst: string };
const VERSIONS: readonly Spec[] = [
  { dir: 'ocpp16', file: 'ocpp1_6.json', label: 'OCPP 1.6', type: 'Ocpp16', konst: 'OCPP16' },
  { dir: 'ocpp201', file: 'ocpp2_0_1.json', label: 'OCPP 2.0.1', type: 'Ocpp201', konst: 'OCPP201' },
  { dir: 'ocpp21', file: 'ocpp2_1.json', label: 'OCPP 2.1', type: 'Ocpp21', konst: 'OCPP21' },
];

type Schema = { [key: string]: unknown };
type Message = { action: string; kind: 'request' | 'response'; send: boolean; id: string; typeName: string; schema: Schema };

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Schema walking: only keyword positions are visited, so a property called "id" or "description"
// is never taken for a keyword.
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties', 'dependencies']);
const SCHEMA_SLOTS = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames',
  'not', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf']);

/** Rebuilds a schema bottom-up (never mutating it), letting `fn` rewrite every (sub)schema object. */
function mapSchema(schema: unknown, fn: (s: Schema) => Schema): unknown {
  if (!isObject(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([n, s]) => [n, mapSchema(s, fn)]));
    } else if (SCHEMA_SLOTS.has(key)) {
      out[key] = Array.isArray(value) ? value.map((s) => mapSchema(s, fn)) : mapSchema(value, fn);
    } else out[key] = value;
  }
  return fn(out);
}

const DIALECT = /^https?:\/\/json-schema\.org\/(draft-0[4-7])\/schema#?$/;

/** Ajv 8 speaks draft-06/07. A draft-04 schema gets the equivalent draft-07 spelling (in memory). */
function normalizeDialect(raw: unknown, where: string): Schema {
  if (!isObject(raw)) throw new Error(`${where}: a schema is not an object`);
  const dialect = raw.$schema === undefined ? 'draft-07' : DIALECT.exec(String(raw.$schema))?.[1];
  if (dialect === 'draft-06' || dialect === 'draft-07') return raw;
  if (dialect !== 'draft-04') throw new Error(`${where}: unsupported $schema ${String(raw.$schema)}`);
  const converted = mapSchema(raw, ({ id, ...s }) => {
    if (typeof id === 'string') s.$id = id;
    for (const [flag, limit] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']] as const) {
      if (typeof s[flag] !== 'boolean') continue;
      if (s[flag] === true && typeof s[limit] === 'number') {
        s[flag] = s[limit];
        delete s[limit];
      } else delete s[flag];
    }
    return s;
  }) as Schema;
  return { ...converted, $schema: 'http://json-schema.org/draft-07/schema#' };
}

const ID = /^urn:([A-Za-z0-9]+?)(\.req|\.conf|Request|Response)?$/;

function loadMessages(spec: Spec): Message[] {
  const text = readFileSync(join(PKG_DIR, 'lib', 'schemas', spec.file), 'utf8').replace(/^\uFEFF/, '');
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error(`${spec.file}: expected an array of schemas`);
  const messages = list.map((raw): Message => {
    const schema = normalizeDialect(raw, spec.file);
    const match = ID.exec(String(schema.$id));
    if (!match?.[1]) throw new Error(`${spec.file}: unexpected schema id ${String(schema.$id)}`);
    const kind = match[2] === '.conf' || match[2] === 'Response' ? 'response' : 'request';
    const typeName = `${match[1]}${kind === 'request' ? 'Request' : 'Response'}`;
    return { action: match[1], kind, send: match[2] === undefined, id: String(schema.$id), typeName, schema };
  });
  messages.sort((a, b) => byCodeUnit(a.typeName, b.typeName));
  const dup = messages.find((m, i) => messages[i - 1]?.typeName === m.typeName);
  if (dup) throw new Error(`${spec.file}: two schemas for ${dup.typeName}`);
  return messages;
}

/** Cross-checks schemas against scripts/protocol-directions.ts; returns the sorted actions. */
function checkDirections(spec: Spec, messages: readonly Message[]): string[] {
  const table = DIRECTIONS[spec.dir];
  const sends = SEND_ACTIONS[spec.dir];
  const actions = [...new Set(messages.map((m) => m.action))].sort(byCodeUnit);
  const problems: string[] = [];
  for (const action of actions) {
    const own = messages.filter((m) => m.action === action);
    const send = sends.includes(action);
    if (!Object.hasOwn(table, action)) problems.push(`${action}: schema has no entry in protocol-directions.ts`);
    if (!own.some((m) => m.kind === 'request')) problems.push(`${action}: no request schema`);
    if (!send && !own.some((m) => m.kind === 'response')) problems.push(`${action}: no response schema`);
    if (!send && own.some((m) => m.send)) problems.push(`${action}: id without Request/Response suffix, not a SEND action`);
  }
  const orphans = [...Object.keys(table), ...sends].filter((action) => !actions.includes(action));
  problems.push(...orphans.map((action) => `${action}: listed in protocol-directions.ts but has no schema`));
  if (problems.length > 0) throw new Error(`${spec.file}:\n  ${problems.join('\n  ')}`);
  return actions;
}

// ---------------------------------------------------------------------------------------------
// Validators (Ajv standalone code)

/** Strict-mode findings the OCA schemas are known to trigger; anything else aborts generation. */
const KNOWN_QUIRKS: ReadonlyArray<[RegExp, string]> = [
  [/"additionalItems" is ignored when "items" is not an array/, 'additionalItems next to a single items schema'],
  [/missing type "object" for keyword "additionalProperties"/, 'additionalProperties on string enum types'],
];

/**
 * The ids look like `urn:Authorize.req`: a URN without the `urn:<nid>:<nss>` structure, which
 * fast-uri refuses to serialise. Naming a scheme without a handler makes fast-uri treat them as
 * opaque URIs (compile time only: the standalone code never resolves URIs).
 */
const OPAQUE = { scheme: 'x-opaque' };
const opaqueUris: NonNullable<AjvOptions['uriResolver']> = {
  parse: (uri) => fastUri.parse(uri, OPAQUE),
  resolve: (base, path) => fastUri.resolve(base, path, OPAQUE),
  serialize: (component) => fastUri.serialize(component, OPAQUE),
};

/**
 * The "date-time" format comes from src/protocol/date-time-format.ts: the verdicts of ajv-formats'
 * full "date-time", with a fast path for the usual shape (ADR 105).
 */
const AJV_DATE_TIME = 'require("ajv-formats/dist/formats").fullFormats["date-time"]';
function withFastDateTime(code: string): string {
  const uses = code.split(AJV_DATE_TIME).length - 1;
  if (uses > 1) throw new Error(`expected the date-time format required once, found ${uses} times`);
  return code.replace(AJV_DATE_TIME, 'dateTime');
}

/** Returns validators.js (Ajv standalone ESM code) and its validators.d.ts. */
function generateValidators(
  spec: Spec, messages: readonly Message[], actions: readonly string[], quirks: Map<string, number>,
): [string, string] {
  const warnings: string[] = [];
  const log = (...args: unknown[]): void => void warnings.push(args.map(String).join(' '));
  const ajv = new Ajv({
    strict: true, strictSchema: 'log', strictTypes: 'log', strictTuples: 'log', // findings are vetted below
    allErrors: false, inlineRefs: false, uriResolver: opaqueUris, logger: { log, warn: log, error: log },
    multipleOfPrecision: 6, // 1.6 has multipleOf 0.1, and 8.1 / 0.1 is 80.99999999999999 in binary floats
    code: { source: true, esm: true, lines: true },
  });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  addFormats(ajv, ['date-time', 'uri']);
  ajv.addVocabulary(['javaType', 'comment', 'tsEnumNames']); // OCA generator annotations: no-op keywords
  for (const m of messages) ajv.addSchema(m.schema);
  const code = standaloneCode(ajv, Object.fromEntries(messages.map((m) => [m.typeName, m.id])));
  for (const warning of warnings) {
    const known = KNOWN_QUIRKS.find(([pattern]) => pattern.test(warning));
    if (!known) throw new Error(`${spec.file}: unexpected Ajv finding: ${warning}`);
    quirks.set(known[1], (quirks.get(known[1]) ?? 0) + 1);
  }
  const response = (a: string): string | undefined => (messages.some((m) => m.typeName === `${a}Response`) ? `${a}Response` : undefined);
  const js = [...header(spec), '// @ts-nocheck', "import { createRequire } from 'node:module';",
    "import { dateTime } from '../../date-time-format.js';", '',
    'const require = createRequire(import.meta.url);',
    withFastDateTime(code.replace(/^"use strict";\n?/, '').replace(/[ \t]+$/gm, '').trimEnd()), '',
    '/** Request and response validator of every action (response undefined for SEND messages). */',
    'export const ACTION_VALIDATORS = {',
    ...actions.map((a) => `  ${a}: { request: ${a}Request, response: ${response(a) ?? 'undefined'} },`), '};', ''];
  const dts = [...header(spec), "import type { ErrorObject } from 'ajv';", "import type * as T from './types.js';", '',
    '/** A precompiled Ajv validator. It never mutates `data`; `errors` describes the last failure. */',
    'export interface GeneratedValidator<Payload> {', '  (data: unknown): data is Payload;',
    '  errors?: ErrorObject[] | null | undefined;', '}', '',
    ...messages.map((m) => `export declare const ${m.typeName}: GeneratedValidator<T.${m.typeName}>;`), '',
    'export declare const ACTION_VALIDATORS: {',
    ...actions.map((a) => `  readonly ${a}: { readonly request: typeof ${a}Request; readonly response: ${
      response(a) ? `typeof ${a}Response` : 'undefined'} };`), '};', ''];
  return [js.join('\n'), dts.join('\n')];
}

// ---------------------------------------------------------------------------------------------
// TypeScript types (json-schema-to-typescript over one combined schema, shared definitions once)

const ANNOTATIONS = new Set(['description', '$comment', 'comment', 'javaType']);
const stripAnnotations = (s: unknown): unknown =>
  mapSchema(s, (o) => Object.fromEntries(Object.entries(o).filter(([k]) => !ANNOTATIONS.has(k))));
const stableJson = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) =>
  isObject(x) ? Object.fromEntries(Object.keys(x).sort(byCodeUnit).map((k) => [k, x[k]])) : x);
const tidy = (text: unknown): unknown => // descriptions end in "\r\n" runs: no blank doc-comment tails
  typeof text === 'string' ? text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim() : text;
const defName = (ref: unknown): string | undefined => /^#\/definitions\/(.+)$/.exec(String(ref))?.[1];

function refsOf(schema: unknown): string[] {
  const found: string[] = [];
  mapSchema(schema, (s) => {
    if (typeof s.$ref === 'string') found.push(s.$ref);
    return s;
  });
  return found.map(defName).filter((n): n is string => n !== undefined);
}

/**
 * Merges the per-message definitions: identical ones (ignoring annotations, including everything
 * they reference) become one named type; a differing same-named one is named `<Name>_<Message>`
 * after the first message using it. A description shared by all copies is kept, else dropped.
 */
function combinedSchema(messages: readonly Message[]): Schema {
  const names = new Map<string, string>(); // variant key -> emitted name
  const nameOf = new Map<Message, Map<string, string>>(); // message -> local name -> emitted name
  const bodies = new Map<string, { body: Schema; owner: Message; descriptions: Set<unknown> }>();
  for (const m of messages) {
    const local = (isObject(m.schema.definitions) ? m.schema.definitions : {}) as Record<string, Schema>;
    const mapping = new Map<string, string>();
    for (const [name, def] of Object.entries(local).sort(([a], [b]) => byCodeUnit(a, b))) {
      const deps = new Set<string>();
      for (let todo = refsOf(def); todo.length > 0;) {
        const next = todo.pop()!;
        if (deps.has(next) || !local[next]) continue;
        deps.add(next);
        todo.push(...refsOf(local[next]));
      }
      const key = stableJson([name, stripAnnotations(def), [...deps].sort(byCodeUnit).map((d) => [d, stripAnnotations(local[d])])]);
      let emitted = names.get(key);
      if (!emitted) {
        emitted = [...names.values()].includes(name) ? `${name}_${m.typeName}` : name;
        names.set(key, emitted);
        bodies.set(emitted, { body: def, owner: m, descriptions: new Set() });
      }
      bodies.get(emitted)!.descriptions.add(tidy(def.description));
      mapping.set(name, emitted);
    }
    nameOf.set(m, mapping);
  }
  const relink = (schema: unknown, m: Message): Schema => mapSchema(schema, (s) => {
    if (s.$ref === undefined) return s;
    const target = defName(s.$ref);
    const emitted = target === undefined ? undefined : nameOf.get(m)!.get(target);
    if (!emitted) throw new Error(`${m.id}: unsupported $ref ${String(s.$ref)}`);
    return { ...s, $ref: `#/definitions/${emitted}` };
  }) as Schema;
  const definitions: Schema = {};
  for (const m of messages) {
    const { $schema: _s, $id: _i, definitions: _d, comment: _c, ...body } = m.schema;
    definitions[m.typeName] = { ...relink(body, m), title: m.typeName };
  }
  for (const [name, { body, owner, descriptions }] of [...bodies].sort(([a], [b]) => byCodeUnit(a, b))) {
    if (Object.hasOwn(definitions, name)) throw new Error(`${owner.id}: definition ${name} clashes with a message type`);
    const { description, ...rest } = relink(body, owner);
    definitions[name] = descriptions.size === 1 && description !== undefined ? { description, ...rest } : rest;
  }
  const root = {
    title: 'GeneratedRoot', type: 'object', additionalProperties: false, definitions,
    properties: Object.fromEntries(messages.map((m) => [m.typeName, { $ref: `#/definitions/${m.typeName}` }])),
  };
  return mapSchema(root, (s) => (s.description === undefined ? s : { ...s, description: tidy(s.description) })) as Schema;
}

async function generateTypes(spec: Spec, messages: readonly Message[], actions: readonly string[]): Promise<string> {
  const schema = structuredClone(combinedSchema(messages)) as Parameters<typeof compile>[0];
  const raw = await compile(schema, 'GeneratedRoot', {
    bannerComment: '', cwd: ROOT, declareExternallyReferenced: true, unreachableDefinitions: false,
    additionalProperties: true, ignoreMinAndMaxItems: true, strictIndexSignatures: false, format: true,
    style: { singleQuote: true, semi: true, printWidth: 100, tabWidth: 2, useTabs: false, trailingComma: 'all', endOfLine: 'lf' },
  });
  const body = raw.replace(/\r/g, '').replace(/^export interface GeneratedRoot \{\n(?: {2}.*\n)*\}\n+/m, '').replace(/[ \t]+$/gm, '');
  if (body.includes('GeneratedRoot')) throw new Error(`${spec.file}: could not remove the root type`);
  const { type: T, konst: K } = spec;
  const dir = DIRECTIONS[spec.dir];
  const sends = SEND_ACTIONS[spec.dir];
  const has = new Set(messages.map((m) => m.typeName));
  const list = (items: readonly string[]): string[] => items.map((a) => `  '${a}',`);
  const union = (items: readonly string[]): string => items.map((a) => `\n  | '${a}'`).join('') || ' never';
  const station = actions.filter((a) => dir[a] !== 'csms');
  const csms = actions.filter((a) => dir[a] !== 'station');
  const responseless = actions.filter((a) => !has.has(`${a}Response`));
  return [...header(spec), body.trimEnd(), '',
    ...responseless.flatMap((a) => [`/** ${a} is a SEND message: it has no response. */`, `export type ${a}Response = Record<string, never>;`, '']),
    `/** Request and response payload type of every ${spec.label} action. */`, `export interface ${T}ActionMap {`,
    ...actions.map((a) => `  ${a}: { request: ${a}Request; response: ${a}Response };`), '}', '',
    `export type ${T}Action = keyof ${T}ActionMap;`, '',
    `export const ${K}_ACTIONS = [`, ...list(actions), `] as const satisfies readonly ${T}Action[];`, '',
    '/** Actions a charging station sends to the CSMS. */', `export type ${T}StationAction =${union(station)};`, '',
    '/** Actions the CSMS sends to a charging station. */', `export type ${T}CsmsAction =${union(csms)};`, '',
    `export const ${K}_STATION_ACTIONS = [`, ...list(station), `] as const satisfies readonly ${T}StationAction[];`, '',
    `export const ${K}_CSMS_ACTIONS = [`, ...list(csms), `] as const satisfies readonly ${T}CsmsAction[];`, '',
    '/** Who sends each action (from scripts/protocol-directions.ts). */',
    `export const ${K}_DIRECTIONS: { readonly [A in ${T}Action]: 'station' | 'csms' | 'both' } = {`,
    ...actions.map((a) => `  ${a}: '${dir[a]}',`), '};', '',
    ...(sends.length > 0 ? ['/** SEND messages (message type 6): no response is ever sent. */',
      `export const ${K}_SEND_ACTIONS = [`, ...list(sends), `] as const satisfies readonly ${T}Action[];`, ''] : []),
  ].join('\n');
}

function header(spec: Spec): string[] {
  return [
    '// GENERATED FILE, DO NOT EDIT. Run `npx tsx scripts/generate-protocol.ts` to regenerate.',
    `// Source: ocpp-rpc@${PKG_VERSION}, lib/schemas/${spec.file} (${spec.label} JSON schemas, used unmodified).`,
    '// Schema content (c) Open Charge Alliance, licensed under CC BY-ND 4.0:',
    '// https://creativecommons.org/licenses/by-nd/4.0/',
    '',
  ];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = new Map<string, string>();
  const notes: string[] = [];
  for (const spec of VERSIONS) {
    const messages = loadMessages(spec);
    const actions = checkDirections(spec, messages);
    const quirks = new Map<string, number>();
    const out = join(ROOT, 'src', 'protocol', spec.dir, 'generated');
    const [js, dts] = generateValidators(spec, messages, actions, quirks);
    files.set(join(out, 'types.ts'), await generateTypes(spec, messages, actions));
    files.set(join(out, 'validators.js'), js).set(join(out, 'validators.d.ts'), dts);
    const tolerated = [...quirks].map(([what, n]) => `${what} x${n}`).join(', ') || 'none';
    notes.push(`${spec.dir}: ${actions.length} actions, ${messages.length} schemas; tolerated quirks: ${tolerated}`);
  }
  const current = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  if (!check) {
    for (const [path, text] of files) {
      mkdirSync(dirname(path), { recursive: true });
      if (current(path) !== text) writeFileSync(path, text);
      console.log(`${relative(ROOT, path)}  ${Buffer.byteLength(text)} bytes`);
    }
    for (const note of notes) console.log(note);
    return;
  }
  const stale = [...files].filter(([path, text]) => current(path) !== text).map(([path]) => relative(ROOT, path));
  for (const dir of new Set([...files.keys()].map((path) => dirname(path)))) {
    const extra = existsSync(dir) ? readdirSync(dir).filter((name) => !files.has(join(dir, name))) : [];
    stale.push(...extra.map((name) => `${relative(ROOT, join(dir, name))} (not generated)`));
  }
  if (stale.length === 0) return console.log(`Generated protocol files are up to date (${files.size} files).`);
  console.error(`Generated protocol files differ from the schemas:\n  ${stale.join('\n  ')}`);
  console.error('Run: npx tsx scripts/generate-protocol.ts');
  process.exit(1);
}

await main();
