import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { authorize2x } from './authorize.js';

/** Authorization (C) messages of OCPP 2.0.1 and 2.1. */
export const authorizationHandlers2x: Ocpp2xHandlers<OcppContext> = {
  Authorize: authorize2x,
};
