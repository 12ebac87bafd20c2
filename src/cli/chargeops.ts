#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { startChargeOps } from '../main.js';
import { migrateDatabase, openDatabase } from '../infra/db/database.js';
import { generateApiKeySecret } from '../modules/api-keys/service.js';
import { VERSION } from '../version.js';

const USAGE = `chargeops ${VERSION}: the ChargeOps CSMS

Usage:
  chargeops start [--port N] [--data-dir DIR] [--config FILE]   run the server
  chargeops migrate [--data-dir DIR] [--config FILE]             apply database migrations and exit
  chargeops simulate [--url ws://localhost:8180/ocpp] [--stations N] [--versions 1.6,2.0.1,2.1] [--connectors N]
                     [--sessions RATE] [--session-minutes A-B] [--tags LIST] [--power ac|dc|mixed]   (--help for all)
  chargeops bench <idle|storm|steady|latency> [--stations N] [--db pglite|postgres|both]
  chargeops chaos report --record FILE --from ISO [--url http://localhost:8180]   what a chaos run injected and what ChargeOps made of it
  chargeops api-key                                              print a new random API key (for CHARGEOPS_API_KEY)

Configuration: chargeops.json, then environment (PORT, CHARGEOPS_DATA_DIR, DATABASE_URL, CHARGEOPS_API_KEY,
CHARGEOPS_UNKNOWN_STATIONS, ...; see README), then flags.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStart(rest);
    case 'migrate':
      return runMigrate(rest);
    case 'simulate': {
      const { runSimulateCommand } = await import('../simulator/cli.js');
      return runSimulateCommand(rest);
    }
    case 'chaos': {
      const { runChaosCommand } = await import('../simulator/chaos/report-cli.js');
      return runChaosCommand(rest);
    }
    case 'bench': {
      const { runBenchCommand } = await import('../bench/cli.js');
      return runBenchCommand(rest);
    }
    case 'api-key':
      console.log(generateApiKeySecret());
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

function readServerConfig(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, config: { type: 'string' } },
    strict: true,
  });
  return loadConfig({
    env: process.env,
    overrides: { port: values.port, dataDir: values['data-dir'] },
    ...(values.config ? { configFile: values.config } : {}),
  });
}

async function runStart(args: string[]): Promise<void> {
  const config = readServerConfig(args);
  const running = await startChargeOps(config);
  const wsBase = running.baseUrl.replace(/^http/, 'ws');
  const storage = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  if (running.generatedApiKey) {
    console.log(`Admin API key (shown once, store it now): ${running.generatedApiKey}`);
  }
  if (running.createdAdmin) {
    const password = running.createdAdmin.password ?? '(the one in CHARGEOPS_ADMIN_PASSWORD)';
    console.log(`Platform admin created: sign in as ${running.createdAdmin.email} with password ${password}${running.createdAdmin.password ? ' (shown once, store it now)' : ''}`);
  }
  console.log(`ChargeOps ${VERSION} ready (${storage}) · dashboard ${running.baseUrl}/ · API docs ${running.baseUrl}/api/docs · OCPP ${wsBase}/ocpp/<stationId>`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.log.info({ signal }, 'signal received');
    running.stop().then(() => {
      console.log('ChargeOps stopped cleanly.');
      process.exit(0);
    }, (error: unknown) => {
      running.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function runMigrate(args: string[]): Promise<void> {
  const config = readServerConfig(args);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    console.log(`Migrations applied (${database.kind}).`);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
