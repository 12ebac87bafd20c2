// What the audit log keeps of a request body: the data, minus secrets. Keys that name a secret are
// replaced by "[redacted]" at any depth; so are the values of OCPP configuration keys and variables
// that name one (ChangeConfiguration AuthorizationKey, SetVariables BasicAuthPassword...).
export const REDACTED = '[redacted]';

const SECRET_KEY = /(password|passwd|passphrase|secret|api[-_]?key|authorization|credential|private[-_]?key|(access|refresh|auth|bearer|session|api)[-_]?token|^token$)/i;
const SECRET_NAME = /(password|secret|authorizationkey|privatekey|token)/i;

const MAX_DEPTH = 20;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const namesSecret = namesASecret(source);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    if (isSecretKey(key) || (namesSecret && (key === 'value' || key === 'attributeValue'))) result[key] = REDACTED;
    else result[key] = redactSecrets(item, depth + 1);
  }
  return result;
}

/** `{key: 'AuthorizationKey', value}` (1.6) or `{variable: {name: 'BasicAuthPassword'}, attributeValue}` (2.x). */
function namesASecret(source: Record<string, unknown>): boolean {
  const name = typeof source['key'] === 'string' ? source['key']
    : typeof source['variable'] === 'object' && source['variable'] !== null ? (source['variable'] as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && SECRET_NAME.test(name);
}
