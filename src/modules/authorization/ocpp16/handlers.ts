import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { authorize16 } from './authorize.js';

/** Authorization (C) messages a 1.6 charge point sends. */
export const authorizationHandlers16: Ocpp16Handlers<OcppContext> = {
  Authorize: authorize16,
};
