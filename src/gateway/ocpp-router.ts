import type { Logger } from 'pino';
import { OcppCallError } from '../protocol/errors.js';
import { callHandlerOf, type Ocpp16Handlers, type Ocpp2xHandlers, type Ocpp21OnlyHandlers } from '../protocol/handler-types.js';
import type { CallHandler } from '../protocol/rpc-connection.js';
import type { OcppVersion } from '../protocol/versions.js';
import { stationHandlers16 } from '../modules/stations/ocpp16/handlers.js';
import { stationHandlers2x } from '../modules/stations/ocpp2x/handlers.js';
import { reservationHandlers2x } from '../modules/reservations/ocpp2x/handlers.js';
import { sessionHandlers16 } from '../modules/sessions/ocpp16/handlers.js';
import { sessionHandlers2x } from '../modules/sessions/ocpp2x/handlers.js';
import { authorizationHandlers16 } from '../modules/authorization/ocpp16/handlers.js';
import { authorizationHandlers2x } from '../modules/authorization/ocpp2x/handlers.js';
import { smartChargingHandlers2x } from '../modules/smart-charging/ocpp2x/handlers.js';
import { plugAndChargeHandlers2x } from '../modules/plug-and-charge/ocpp2x/handlers.js';
import type { LiveStation } from './live-station.js';
import type { OcppContext, OcppServices } from './ocpp-context.js';

/** Every capability's adapters, merged per version family. Later capabilities add theirs here. */
const HANDLERS_16: Ocpp16Handlers<OcppContext> = { ...stationHandlers16, ...sessionHandlers16, ...authorizationHandlers16 };
const HANDLERS_2X: Ocpp2xHandlers<OcppContext> = { ...stationHandlers2x, ...reservationHandlers2x, ...sessionHandlers2x, ...authorizationHandlers2x, ...smartChargingHandlers2x, ...plugAndChargeHandlers2x };
const HANDLERS_21_ONLY: Ocpp21OnlyHandlers<OcppContext> = {};
const HANDLERS_21 = { ...HANDLERS_2X, ...HANDLERS_21_ONLY };

function tableFor(version: OcppVersion): object {
  if (version === 'ocpp1.6') return HANDLERS_16;
  return version === 'ocpp2.1' ? HANDLERS_21 : HANDLERS_2X;
}

/**
 * A station link's handler context, which also dispatches its calls (one object per link, no
 * closures: ADR 074): the version's handler table behind the registration gate. A station that is
 * not Accepted may send BootNotification and what the CSMS triggered, nothing else: anything else
 * is answered with SecurityError (B02.FR.09, B03.FR.07, TC_B_30_CSMS).
 */
class StationCallContext implements OcppContext, CallHandler {
  constructor(readonly station: LiveStation, readonly services: OcppServices, readonly log: Logger) {}

  handleCall(action: string, payload: unknown): Promise<unknown> | undefined {
    const live = this.station;
    if (live.registrationStatus !== 'Accepted' && action !== 'BootNotification') {
      if (!live.triggeredMessages.has(action)) {
        return Promise.reject(new OcppCallError('SecurityError', `Station is ${live.registrationStatus}: only BootNotification or triggered messages are allowed`));
      }
    }
    return callHandlerOf(tableFor(live.version), action, this, payload);
  }
}

export function createDispatcher(live: LiveStation, services: OcppServices, log: Logger): CallHandler {
  return new StationCallContext(live, services, log);
}
