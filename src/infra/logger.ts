import { pino, type Level, type Logger } from 'pino';

/** Structured JSON logs on stdout; one logger per process, children per request. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'chargeops' }, timestamp: pino.stdTimeFunctions.isoTime });
}

const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

type StationLog = Logger & { readonly stationId: string };

/** One prototype per parent logger, shared by every station logger made from it. */
const stationPrototypes = new WeakMap<Logger, object>();

/**
 * A logger for one station's link: every line it writes carries `stationId`, like a pino child's,
 * but it costs one small object until something is logged, instead of a child logger (~220 B with
 * its own level methods and bindings string) for each of tens of thousands of idle links (ADR 074).
 * A line at an enabled level is written through a short-lived child; a disabled level costs a
 * level check. Everything else (level, isLevelEnabled, flush...) is the parent's.
 */
export function stationLogger(parent: Logger, stationId: string): Logger {
  let prototype = stationPrototypes.get(parent);
  if (!prototype) stationPrototypes.set(parent, (prototype = stationPrototypeOf(parent)));
  const log = Object.create(prototype) as { stationId: string };
  log.stationId = stationId;
  return log as StationLog;
}

function stationPrototypeOf(parent: Logger): object {
  const prototype = Object.create(parent) as Record<string, unknown>;
  for (const level of LEVELS) {
    prototype[level] = function writeWithStationId(this: StationLog, ...args: unknown[]): void {
      if (!parent.isLevelEnabled(level)) return;
      const child = parent.child({ stationId: this.stationId });
      Reflect.apply(child[level], child, args);
    };
  }
  prototype['child'] = function child(this: StationLog, bindings: pino.Bindings, options?: pino.ChildLoggerOptions): Logger {
    return parent.child({ stationId: this.stationId, ...bindings }, options);
  };
  prototype['bindings'] = function bindings(this: StationLog): pino.Bindings {
    return { ...parent.bindings(), stationId: this.stationId };
  };
  return prototype;
}
