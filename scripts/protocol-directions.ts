/**
 * Who sends each OCPP action. The OCA JSON schemas carry no direction, so this hand-kept table is
 * the source for the generated `*_STATION_ACTIONS` / `*_CSMS_ACTIONS` lists and direction maps.
 *
 * - 'station': the charging station sends the CALL, the CSMS answers.
 * - 'csms':    the CSMS sends the CALL, the charging station answers.
 * - 'both':    either side may send it (only DataTransfer).
 *
 * scripts/generate-protocol.ts fails when a schema action is missing here or an entry has no schema.
 */
export type Direction = 'station' | 'csms' | 'both';
export type DirectionTable = Readonly<Record<string, Direction>>;

/** OCPP 1.6 edition 2 (all feature profiles) plus the 1.6 security whitepaper messages. */
const OCPP16: DirectionTable = {
  // Station -> CSMS
  Authorize: 'station',
  BootNotification: 'station',
  DiagnosticsStatusNotification: 'station',
  FirmwareStatusNotification: 'station',
  Heartbeat: 'station',
  MeterValues: 'station',
  StartTransaction: 'station',
  StatusNotification: 'station',
  StopTransaction: 'station',
  // Security whitepaper, station -> CSMS
  LogStatusNotification: 'station',
  SecurityEventNotification: 'station',
  SignCertificate: 'station',
  SignedFirmwareStatusNotification: 'station',
  // CSMS -> station
  CancelReservation: 'csms',
  ChangeAvailability: 'csms',
  ChangeConfiguration: 'csms',
  ClearCache: 'csms',
  ClearChargingProfile: 'csms',
  GetCompositeSchedule: 'csms',
  GetConfiguration: 'csms',
  GetDiagnostics: 'csms',
  GetLocalListVersion: 'csms',
  RemoteStartTransaction: 'csms',
  RemoteStopTransaction: 'csms',
  ReserveNow: 'csms',
  Reset: 'csms',
  SendLocalList: 'csms',
  SetChargingProfile: 'csms',
  TriggerMessage: 'csms',
  UnlockConnector: 'csms',
  UpdateFirmware: 'csms',
  // Security whitepaper, CSMS -> station
  CertificateSigned: 'csms',
  DeleteCertificate: 'csms',
  ExtendedTriggerMessage: 'csms',
  GetInstalledCertificateIds: 'csms',
  GetLog: 'csms',
  InstallCertificate: 'csms',
  SignedUpdateFirmware: 'csms',
  // Either side
  DataTransfer: 'both',
};

/** OCPP 2.0.1: every message of the specification. */
const OCPP201: DirectionTable = {
  // Station -> CSMS
  Authorize: 'station',
  BootNotification: 'station',
  ClearedChargingLimit: 'station',
  FirmwareStatusNotification: 'station',
  Get15118EVCertificate: 'station',
  GetCertificateStatus: 'station',
  Heartbeat: 'station',
  LogStatusNotification: 'station',
  MeterValues: 'station',
  NotifyChargingLimit: 'station',
  NotifyCustomerInformation: 'station',
  NotifyDisplayMessages: 'station',
  NotifyEVChargingNeeds: 'station',
  NotifyEVChargingSchedule: 'station',
  NotifyEvent: 'station',
  NotifyMonitoringReport: 'station',
  NotifyReport: 'station',
  PublishFirmwareStatusNotification: 'station',
  ReportChargingProfiles: 'station',
  ReservationStatusUpdate: 'station',
  SecurityEventNotification: 'station',
  SignCertificate: 'station',
  StatusNotification: 'station',
  TransactionEvent: 'station',
  // CSMS -> station
  CancelReservation: 'csms',
  CertificateSigned: 'csms',
  ChangeAvailability: 'csms',
  ClearCache: 'csms',
  ClearChargingProfile: 'csms',
  ClearDisplayMessage: 'csms',
  ClearVariableMonitoring: 'csms',
  CostUpdated: 'csms',
  CustomerInformation: 'csms',
  DeleteCertificate: 'csms',
  GetBaseReport: 'csms',
  GetChargingProfiles: 'csms',
  GetCompositeSchedule: 'csms',
  GetDisplayMessages: 'csms',
  GetInstalledCertificateIds: 'csms',
  GetLocalListVersion: 'csms',
  GetLog: 'csms',
  GetMonitoringReport: 'csms',
  GetReport: 'csms',
  GetTransactionStatus: 'csms',
  GetVariables: 'csms',
  InstallCertificate: 'csms',
  PublishFirmware: 'csms',
  RequestStartTransaction: 'csms',
  RequestStopTransaction: 'csms',
  ReserveNow: 'csms',
  Reset: 'csms',
  SendLocalList: 'csms',
  SetChargingProfile: 'csms',
  SetDisplayMessage: 'csms',
  SetMonitoringBase: 'csms',
  SetMonitoringLevel: 'csms',
  SetNetworkProfile: 'csms',
  SetVariableMonitoring: 'csms',
  SetVariables: 'csms',
  TriggerMessage: 'csms',
  UnlockConnector: 'csms',
  UnpublishFirmware: 'csms',
  UpdateFirmware: 'csms',
  // Either side
  DataTransfer: 'both',
};

/** OCPP 2.1: everything of 2.0.1 plus the messages added in 2.1. */
const OCPP21: DirectionTable = {
  ...OCPP201,
  // New in 2.1, station -> CSMS
  BatterySwap: 'station',
  ClosePeriodicEventStream: 'station',
  GetCertificateChainStatus: 'station',
  NotifyDERAlarm: 'station',
  NotifyDERStartStop: 'station',
  NotifyPeriodicEventStream: 'station',
  NotifyPriorityCharging: 'station',
  NotifySettlement: 'station',
  OpenPeriodicEventStream: 'station',
  PullDynamicScheduleUpdate: 'station',
  ReportDERControl: 'station',
  VatNumberValidation: 'station',
  // New in 2.1, CSMS -> station
  AdjustPeriodicEventStream: 'csms',
  AFRRSignal: 'csms',
  ChangeTransactionTariff: 'csms',
  ClearDERControl: 'csms',
  ClearTariffs: 'csms',
  GetDERControl: 'csms',
  GetPeriodicEventStream: 'csms',
  GetTariffs: 'csms',
  NotifyAllowedEnergyTransfer: 'csms',
  NotifyWebPaymentStarted: 'csms',
  RequestBatterySwap: 'csms',
  SetDefaultTariff: 'csms',
  SetDERControl: 'csms',
  UpdateDynamicSchedule: 'csms',
  UsePriorityCharging: 'csms',
};

/** Directions per generated version directory. */
export const DIRECTIONS: Readonly<Record<'ocpp16' | 'ocpp201' | 'ocpp21', DirectionTable>> = {
  ocpp16: OCPP16,
  ocpp201: OCPP201,
  ocpp21: OCPP21,
};

/**
 * SEND messages (OCPP 2.1 message type 6): fire-and-forget, a request schema and no response.
 * The generator checks that exactly these actions lack a response schema.
 */
export const SEND_ACTIONS: Readonly<Record<'ocpp16' | 'ocpp201' | 'ocpp21', readonly string[]>> = {
  ocpp16: [],
  ocpp201: [],
  ocpp21: ['NotifyPeriodicEventStream'],
};
