import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { meterValues2x } from './meter-values.js';
import { transactionEvent2x } from './transaction-event.js';

/** Transactions (E) and meter values (J) of OCPP 2.0.1 and 2.1. */
export const sessionHandlers2x: Ocpp2xHandlers<OcppContext> = {
  TransactionEvent: transactionEvent2x,
  MeterValues: meterValues2x,
};
