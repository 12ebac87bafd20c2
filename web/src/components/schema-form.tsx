import type { ReactNode } from 'react';

/** The subset of JSON Schema (draft-07) the OCPP message schemas use. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  description?: string;
  format?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  javaType?: string;
};

type Json = unknown;
type FieldProps = { schema: JsonSchema; root: JsonSchema; path: string[]; label: string; required: boolean; value: Json; onChange(value: Json): void };

/** Resolves local `#/definitions/X` references (the OCPP 2.x schemas use them for every type). */
export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const match = /^#\/definitions\/(.+)$/.exec(current.$ref);
    const target = match ? root.definitions?.[match[1]!] : undefined;
    if (!target) throw new Error(`Unsupported schema reference ${current.$ref}`);
    current = { ...target, description: current.description ?? target.description };
  }
  return current;
}

function typeOf(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.enum) return 'string';
  return 'string';
}

/** The starting value of a required field: objects get their required members, the rest stays empty. */
export function initialValue(schema: JsonSchema, root: JsonSchema): Json {
  const resolved = resolve(schema, root);
  const type = typeOf(resolved);
  if (type === 'object') {
    const out: Record<string, Json> = {};
    for (const name of resolved.required ?? []) {
      const member = resolved.properties?.[name];
      if (!member) continue;
      const initial = initialValue(member, root);
      if (initial !== undefined) out[name] = initial;
    }
    return out;
  }
  if (type === 'array') return [];
  if (type === 'boolean') return false;
  if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
  return undefined;
}

/**
 * A form generated from a JSON schema: one labelled control per field, fieldsets for objects,
 * add/remove for arrays, optional objects behind a checkbox. It builds the JSON value; the
 * server validates it against the same schema and its problem answer is shown as is.
 */
export function SchemaForm({ schema, value, onChange, idPrefix = 'sf' }: { schema: JsonSchema; value: Json; onChange(value: Json): void; idPrefix?: string }) {
  return <div className="schema-form"><Field schema={schema} root={schema} path={[idPrefix]} label="" required value={value} onChange={onChange} /></div>;
}

function Field(props: FieldProps): ReactNode {
  const schema = resolve(props.schema, props.root);
  const type = typeOf(schema);
  if (type === 'object') return <ObjectField {...props} schema={schema} />;
  if (type === 'array') return <ArrayField {...props} schema={schema} />;
  return <PrimitiveField {...props} schema={schema} type={type} />;
}

function ObjectField({ schema, root, path, label, required, value, onChange }: FieldProps) {
  const object = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined) as Record<string, Json> | undefined;
  const id = path.join('-');
  if (!required && object === undefined) {
    return (
      <label className="optional">
        <input type="checkbox" id={id} checked={false} onChange={() => onChange(initialValue(schema, root) ?? {})} /> Include {label}
      </label>
    );
  }
  const current = object ?? {};
  const members = Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'customData');
  const body = members.map(([name, member]) => (
    <Field
      key={name} schema={member} root={root} path={[...path, name]} label={name} required={schema.required?.includes(name) ?? false} value={current[name]}
      onChange={(next) => {
        const copy = { ...current };
        if (next === undefined) delete copy[name];
        else copy[name] = next;
        onChange(copy);
      }}
    />
  ));
  if (path.length === 1) return <>{body}{members.length === 0 && <p className="muted">This message has no fields.</p>}</>;
  return (
    <fieldset>
      <legend>
        {label}{required ? ' *' : ''}
        {!required && <button type="button" className="link" onClick={() => onChange(undefined)} aria-label={`Remove ${label}`}>remove</button>}
      </legend>
      {body}
    </fieldset>
  );
}

function ArrayField({ schema, root, path, label, required, value, onChange }: FieldProps) {
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? { type: 'string' };
  return (
    <fieldset>
      <legend>{label}{required ? ' *' : ''} ({items.length})</legend>
      {items.map((item, index) => (
        <div className="array-item" key={index}>
          <Field schema={itemSchema} root={root} path={[...path, String(index)]} label={`${label} ${index + 1}`} required value={item}
            onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))} />
          <button type="button" onClick={() => onChange(items.filter((_, i) => i !== index))} aria-label={`Remove ${label} ${index + 1}`}>Remove</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, initialValue(itemSchema, root) ?? ''])}>Add {label}</button>
    </fieldset>
  );
}

function PrimitiveField({ schema, path, label, required, value, onChange, type }: FieldProps & { type: string }) {
  const id = path.join('-');
  const hint = schema.description ? <small id={`${id}-hint`} className="hint">{schema.description.split('\n')[0]}</small> : null;
  const describedBy = schema.description ? `${id}-hint` : undefined;
  const caption = <>{label}{required ? ' *' : ''}</>;
  if (type === 'boolean') {
    return (
      <div className="field">
        <label htmlFor={id}><input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} /> {caption}</label>
        {hint}
      </div>
    );
  }
  if (schema.enum) {
    return (
      <div className="field">
        <label htmlFor={id}>{caption}</label>
        <select id={id} value={value === undefined ? '' : String(value)} required={required} aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {!required && <option value="">(not set)</option>}
          {schema.enum.map((option) => <option key={String(option)} value={String(option)}>{String(option)}</option>)}
        </select>
        {hint}
      </div>
    );
  }
  const numeric = type === 'integer' || type === 'number';
  return (
    <div className="field">
      <label htmlFor={id}>{caption}</label>
      <input
        id={id} type={numeric ? 'number' : 'text'} step={type === 'integer' ? 1 : 'any'} required={required} aria-describedby={describedBy}
        min={schema.minimum} max={schema.maximum} maxLength={schema.maxLength}
        placeholder={schema.format === 'date-time' ? '2026-01-31T12:00:00Z' : undefined}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const text = e.target.value;
          if (text === '') return onChange(undefined);
          onChange(numeric ? Number(text) : text);
        }}
      />
      {hint}
    </div>
  );
}
