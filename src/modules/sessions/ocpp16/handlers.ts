import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { meterValues16 } from './meter-values.js';
import { startTransaction16 } from './start-transaction.js';
import { stopTransaction16 } from './stop-transaction.js';

/** Transactions and meter values of OCPP 1.6. */
export const sessionHandlers16: Ocpp16Handlers<OcppContext> = {
  StartTransaction: startTransaction16,
  StopTransaction: stopTransaction16,
  MeterValues: meterValues16,
};
