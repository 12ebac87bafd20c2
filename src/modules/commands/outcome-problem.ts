import { ApiError } from '../../api/problem.js';
import type { CallOutcome } from '../../protocol/call-outcome.js';

/** Every outcome but a result becomes a problem response with a stable code. */
export function responseOrThrow(stationId: string, action: string, outcome: CallOutcome, commandId?: string): unknown {
  const command = commandId ? { commandId } : {};
  switch (outcome.kind) {
    case 'result':
      return outcome.payload;
    case 'offline':
      throw new ApiError('station_offline', `Station ${stationId} is not connected`, command);
    case 'timeout':
      throw new ApiError('station_timeout', `Station ${stationId} did not answer ${action} within ${outcome.timeoutMs} ms`, command);
    case 'busy':
      throw new ApiError('station_busy', `${outcome.queued} commands are already waiting for station ${stationId}`, command);
    case 'error':
      throw new ApiError('station_call_error', `${outcome.wireCode}: ${outcome.description}`, { ...command, ocppErrorCode: outcome.wireCode, ocppErrorDescription: outcome.description, ocppErrorDetails: outcome.details });
    case 'invalid-response':
      throw new ApiError('station_invalid_response', `The station's ${action} response does not match the schema`, { ...command, ocppErrorCode: outcome.code, issues: outcome.issues, response: outcome.payload });
    case 'invalid-request':
      throw new ApiError('invalid_payload', `Payload is not a valid ${action} request`, { ...command, ocppErrorCode: outcome.code, issues: outcome.issues });
  }
}
