import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { bootNotification2x } from './boot-notification.js';
import { dataTransfer2x } from './data-transfer.js';
import { heartbeat2x } from './heartbeat.js';
import { notifyEvent2x } from './notify-event.js';
import { securityEventNotification2x } from './security-event-notification.js';
import { statusNotification2x } from './status-notification.js';

/** Provisioning (B) and availability (G) messages of OCPP 2.0.1 and 2.1. */
export const stationHandlers2x: Ocpp2xHandlers<OcppContext> = {
  BootNotification: bootNotification2x,
  Heartbeat: heartbeat2x,
  StatusNotification: statusNotification2x,
  DataTransfer: dataTransfer2x,
  SecurityEventNotification: securityEventNotification2x,
  NotifyEvent: notifyEvent2x,
};
