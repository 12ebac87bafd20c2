import type { OcppVersion } from '../protocol/versions.js';

/** What one `chargeops bench` invocation was asked to do (flags, with defaults applied). */
export type BenchSettings = {
  stations: number;
  connectors: number;
  versions: OcppVersion[];
  /** WebSocket handshakes in flight at once, over all load generators. */
  concurrency: number;
  /** A charger's call timeout: a station waiting longer counts as a timeout. */
  timeoutMs: number;
  /** Stations connected, booted and disconnected before measuring (JIT, pools, caches). */
  warmup: number;
  /** How long the idle scenario holds the stations before reading memory. */
  idleSeconds: number;
  logLevel: string;
  /** Write a CPU profile of the ChargeOps server process into this directory. */
  profileDir?: string;
  loadgens: number;
  resultsDir: string;
  /** Timestamp shared by the files of this invocation. */
  stamp: string;
};

/** The bar from the performance spec (design/PERFORMANCE.md). */
export const TARGETS = {
  stormSeconds: { postgres: 5, pglite: 15 },
  stormBootsPerSecondPostgres: 2000,
  stormP99Ms: 2000,
  idleRssRatio: 2,
  idleStations: 19_000,
} as const;
