import { existsSync, readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { ConfigSchema, type Config } from './config-schema.js';

/** A configuration problem, naming the key and what was expected; stops the start. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Environment variables and the config keys they set (documented in README). */
const ENVIRONMENT_KEYS: Record<string, string> = {
  PORT: 'port',
  HOST: 'host',
  CHARGEOPS_PUBLIC_URL: 'publicUrl',
  CHARGEOPS_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  CHARGEOPS_API_KEY: 'apiKey',
  CHARGEOPS_ADMIN_EMAIL: 'adminEmail',
  CHARGEOPS_ADMIN_PASSWORD: 'adminPassword',
  CHARGEOPS_AUTH_SECRET_KEY: 'auth.secretKey',
  CHARGEOPS_SMTP_HOST: 'smtp.host',
  CHARGEOPS_SMTP_PORT: 'smtp.port',
  CHARGEOPS_SMTP_USER: 'smtp.user',
  CHARGEOPS_SMTP_PASSWORD: 'smtp.password',
  CHARGEOPS_SMTP_FROM: 'smtp.from',
  CHARGEOPS_STRIPE_SECRET_KEY: 'payments.stripeSecretKey',
  CHARGEOPS_STRIPE_API_URL: 'payments.stripeApiUrl',
  CHARGEOPS_STRIPE_PUBLISHABLE_KEY: 'payments.stripePublishableKey',
  CHARGEOPS_STRIPE_JS_URL: 'payments.stripeJsUrl',
  CHARGEOPS_PAYMENT_TERMINAL: 'payments.terminal',
  CHARGEOPS_ZVT_HOST: 'payments.zvt.host',
  CHARGEOPS_ZVT_PORT: 'payments.zvt.port',
  CHARGEOPS_ZVT_PASSWORD: 'payments.zvt.password',
  CHARGEOPS_STRIPE_WEBHOOK_SECRET: 'payments.stripeWebhookSecret',
  CHARGEOPS_UNKNOWN_STATIONS: 'unknownStations',
  CHARGEOPS_DEFAULT_TENANT: 'defaultTenant',
  CHARGEOPS_NODE_ID: 'nodeId',
  CHARGEOPS_LOG_LEVEL: 'logLevel',
  CHARGEOPS_HEARTBEAT_INTERVAL: 'ocpp.heartbeatIntervalSeconds',
  CHARGEOPS_CALL_TIMEOUT: 'ocpp.callTimeoutSeconds',
  CHARGEOPS_MAX_FRAME_BYTES: 'ocpp.maxFrameBytes',
  CHARGEOPS_PING_INTERVAL: 'ocpp.pingIntervalSeconds',
  CHARGEOPS_SHUTDOWN_GRACE: 'shutdownGraceSeconds',
};

export type ConfigSources = {
  env: Record<string, string | undefined>;
  /** Values from the command line, keyed like the config (dots for nesting). */
  overrides?: Record<string, string | number | undefined>;
  /** Explicit config file; otherwise CHARGEOPS_CONFIG, otherwise ./chargeops.json when it exists. */
  configFile?: string;
  cwd?: string;
};

export function loadConfig(sources: ConfigSources): Config {
  const raw: Record<string, unknown> = readConfigFile(sources);
  for (const [variable, key] of Object.entries(ENVIRONMENT_KEYS)) {
    const value = sources.env[variable];
    if (value !== undefined && value !== '') setPath(raw, key, value);
  }
  for (const [key, value] of Object.entries(sources.overrides ?? {})) {
    if (value !== undefined) setPath(raw, key, value);
  }
  return parseConfig(raw);
}

/** Validates a raw object (numbers may come as strings from env/argv) into a Config. */
export function parseConfig(raw: unknown): Config {
  // Convert turns '8180' into 8180 where the schema wants a number; Default fills what is missing.
  const converted = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, structuredClone(raw)));
  const errors = [...Value.Errors(ConfigSchema, converted)];
  if (errors.length > 0) {
    const lines = errors.slice(0, 5).map((error) => {
      const key = error.path.replace(/^\//, '').replaceAll('/', '.') || '(root)';
      return `  ${key}: ${describeExpected(error.schema, error.message)}${error.value === undefined ? '' : ` (got ${JSON.stringify(error.value)})`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return converted as Config;
}

function readConfigFile(sources: ConfigSources): Record<string, unknown> {
  const explicit = sources.configFile ?? sources.env['CHARGEOPS_CONFIG'];
  const path = explicit ?? `${sources.cwd ?? process.cwd()}/chargeops.json`;
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(`Config file ${explicit} does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`Config file ${path} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, dottedKey: string, value: unknown): void {
  const parts = dottedKey.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    if (typeof child !== 'object' || child === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** Unions of literals read better as "one of a, b, c" than TypeBox's "Expected union value". */
function describeExpected(schema: unknown, fallback: string): string {
  const options = (schema as { anyOf?: Array<{ const?: unknown }> }).anyOf;
  if (options && options.every((option) => option.const !== undefined)) {
    return `expected one of ${options.map((option) => String(option.const)).join(', ')}`;
  }
  return fallback;
}
