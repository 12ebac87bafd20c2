import type { CallOutcome } from '../protocol/call-outcome.js';

/** One line saying what became of a CALL, for logs and the CLI. */
export function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'result': return 'result';
    case 'error': return `CALLERROR ${outcome.wireCode}: ${outcome.description}`;
    case 'invalid-response': return `invalid response (${outcome.code})`;
    case 'invalid-request': return `invalid request (${outcome.code}: ${outcome.issues[0]?.message ?? ''})`;
    case 'timeout': return `no answer within ${outcome.timeoutMs} ms`;
    case 'offline': return 'not connected';
    case 'busy': return `too many calls queued (${outcome.queued})`;
  }
}
