import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout; one logger per process, children per station/request. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'chargeops' }, timestamp: pino.stdTimeFunctions.isoTime });
}
