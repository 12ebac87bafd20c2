import type { CallOutcome } from '../protocol/call-outcome.js';
import type { OcppVersion } from '../protocol/versions.js';
import type { SessionEngine } from './session-engine.js';
import type { BootReason, ConnectorStatus } from './station-messages.js';

/** A configuration key (1.6) or component variable (2.x) the simulated station keeps. */
export type Setting = { value: string; readonly: boolean };

/**
 * What the handlers of CSMS-initiated messages may use of the station. Follow-up messages (what a
 * TriggerMessage asked for, the status change after ChangeAvailability) go through `afterAnswer`,
 * so the CSMS receives the CALLRESULT before the CALL it caused.
 */
export interface SimulatorContext {
  readonly stationId: string;
  readonly version: OcppVersion;
  readonly connectors: number;
  /** Keyed by the 1.6 key, or by `component.variable` in lower case for 2.x. */
  readonly settings: Map<string, Setting>;
  heartbeatIntervalSeconds: number;
  setHeartbeatInterval(seconds: number): void;
  afterAnswer(task: () => Promise<unknown>): void;
  sendBoot(reason: BootReason): Promise<unknown>;
  sendHeartbeat(): Promise<unknown>;
  /** Sends the current status of one connector, or of every reported connector when omitted. */
  sendStatus(connectorId?: number): Promise<unknown>;
  setConnectorStatus(connectorId: number, status: ConnectorStatus): Promise<CallOutcome>;
  call(action: string, payload: unknown): Promise<CallOutcome>;
  /** The station's charging sessions: remote start/stop, reservations, charging limits. */
  readonly sessions: SessionEngine;
}

/**
 * Schedules what a TriggerMessage asked for, after the answer; returns false for a message this
 * station cannot send. `idleStatusMessages` are the version's status notifications that the
 * simulator reports as { status: 'Idle' }.
 */
export function followTrigger(ctx: SimulatorContext, requested: string, connectorId: number | undefined, idleStatusMessages: readonly string[]): boolean {
  if (requested === 'BootNotification') ctx.afterAnswer(() => ctx.sendBoot('Triggered'));
  else if (requested === 'Heartbeat') ctx.afterAnswer(() => ctx.sendHeartbeat());
  else if (requested === 'StatusNotification') ctx.afterAnswer(() => ctx.sendStatus(connectorId));
  else if (idleStatusMessages.includes(requested)) ctx.afterAnswer(() => ctx.call(requested, { status: 'Idle' }));
  else return false;
  return true;
}
