import type { Logger } from 'pino';
import type { StationService } from '../modules/stations/service.js';
import type { ReservationService } from '../modules/reservations/service.js';
import type { SessionService } from '../modules/sessions/service.js';
import type { AuthorizationService } from '../modules/authorization/authorization-service.js';
import type { LiveStation } from './live-station.js';
import type { LoadBalancer } from '../modules/smart-charging/load-balancer.js'; // smart charging
import type { PlugAndChargeService } from '../modules/plug-and-charge/plug-and-charge-service.js';

/** The services OCPP adapters may use; each capability adds its service here. */
export type OcppServices = {
  stations: StationService;
  reservations: ReservationService;
  sessions: SessionService;
  authorization: AuthorizationService;
  /** Smart charging: EV charging needs, station-side limits, reported profiles. */
  smartCharging: LoadBalancer;
  /** Billing (issue 8, TC_I_02): the final total cost of an ended session, incl. VAT; absent or undefined: not answered. */
  costs?: { finalTotalCost(tenantId: string, sessionId: string): Promise<number | undefined> };
  /** Plug & Charge (ISO 15118, C07 / M01 / M02 / M06); absent: contract certificates are not checked. */
  plugAndCharge?: PlugAndChargeService;
};

/** What every OCPP message adapter receives besides the payload. */
export type OcppContext = {
  station: LiveStation;
  services: OcppServices;
  log: Logger;
};
