import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { clearedChargingLimit2x, notifyChargingLimit2x } from './charging-limit.js';
import { notifyEvChargingNeeds2x, notifyEvChargingSchedule2x } from './ev-charging-needs.js';
import { reportChargingProfiles2x } from './report-charging-profiles.js';

/** Smart-charging messages a 2.x station sends (block K). */
export const smartChargingHandlers2x: Ocpp2xHandlers<OcppContext> = {
  NotifyEVChargingNeeds: notifyEvChargingNeeds2x,
  NotifyEVChargingSchedule: notifyEvChargingSchedule2x,
  NotifyChargingLimit: notifyChargingLimit2x,
  ClearedChargingLimit: clearedChargingLimit2x,
  ReportChargingProfiles: reportChargingProfiles2x,
};
