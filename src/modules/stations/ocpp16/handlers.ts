import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { bootNotification16 } from './boot-notification.js';
import { dataTransfer16 } from './data-transfer.js';
import { heartbeat16 } from './heartbeat.js';
import { securityEventNotification16 } from './security-event-notification.js';
import { statusNotification16 } from './status-notification.js';

/** Provisioning (B) and availability (G) messages of OCPP 1.6. */
export const stationHandlers16: Ocpp16Handlers<OcppContext> = {
  BootNotification: bootNotification16,
  Heartbeat: heartbeat16,
  StatusNotification: statusNotification16,
  DataTransfer: dataTransfer16,
  SecurityEventNotification: securityEventNotification16,
};
