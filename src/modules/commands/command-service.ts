import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { StationChannel } from '../../gateway/station-channel.js';
import type { CallOutcome } from '../../protocol/call-outcome.js';
import { getMessageValidator } from '../../protocol/validation.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { DomainError } from '../../shared/domain-error.js';
import type { StationService } from '../stations/service.js';
import type { CommandLogStore, CommandRecord } from './command-log-store.js';

export type CommandRequest = {
  tenantId: string;
  stationId: string;
  action: string;
  payload: unknown;
  timeoutMs?: number;
  /** API key id, user id, or 'system:<job>'. */
  requestedBy?: string | null;
  sessionId?: string | null;
  remoteStartId?: number | null;
  /**
   * Called with the command id once the command is logged, before it is sent: whoever follows the
   * command's effect must be listening before the station can act on it.
   */
  beforeSend?: (commandId: string) => void;
};

export type CommandResult = { commandId: string; ocppVersion: OcppVersion; outcome: CallOutcome };

/**
 * The generic command path: any CSMS-initiated OCPP action, checked against the schema of the
 * version the station speaks, logged (station_commands) before it is sent, sent through the
 * StationChannel, and its answer logged. Remote control and every later capability use it.
 */
export class StationCommandService {
  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly log: CommandLogStore,
    private readonly stations: StationService,
    private readonly channel: StationChannel,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The protocol version a station speaks (from its last connection). */
  async versionOf(tenantId: string, stationId: string): Promise<OcppVersion> {
    const station = await this.stations.get(tenantId, stationId);
    if (!station.ocppVersion) throw new DomainError('station_offline', `Station ${stationId} has never connected`);
    return station.ocppVersion;
  }

  async send(request: CommandRequest): Promise<CommandResult> {
    const { tenantId, stationId, action, payload } = request;
    const version = await this.versionOf(tenantId, stationId);
    const validator = getMessageValidator(version);
    const direction = validator.directionOf(action);
    if (!direction) throw new DomainError('unsupported_action', `${action} is not an OCPP ${version} action`);
    if (direction === 'station') throw new DomainError('unsupported_action', `${action} is sent by stations, not by the CSMS`);
    const check = validator.validateRequest(action, payload);
    if (!check.ok) {
      throw new DomainError('invalid_payload', `Payload is not a valid ${version} ${action} request`, { ocppErrorCode: check.code, issues: check.issues });
    }
    const commandId = await this.commits.run((tx) => this.log.insert(tx, {
      tenantId, stationId, action, payload,
      requestedBy: request.requestedBy ?? null,
      sessionId: request.sessionId ?? null,
      remoteStartId: request.remoteStartId ?? null,
      sentAt: this.now(),
    }));
    request.beforeSend?.(commandId);
    const outcome = await this.channel.call(stationId, action, payload, request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs });
    await this.commits.run((tx) => this.log.recordAnswer(tx, commandId, outcome.kind, answerOf(outcome), this.now()));
    this.events.publish({ type: 'command.answered', tenantId, stationId, at: this.now(), data: { commandId, action, outcome: outcome.kind } });
    return { commandId, ocppVersion: version, outcome };
  }

  async recordFinal(commandId: string, final: { outcome: string; detail: string | null; sessionId?: string | null }): Promise<void> {
    await this.commits.run((tx) => this.log.recordFinal(tx, commandId, { ...final, at: this.now() }));
  }

  async get(tenantId: string, commandId: string): Promise<CommandRecord> {
    const command = await this.log.get(this.db, tenantId, commandId);
    if (!command) throw new DomainError('command_not_found', `Command ${commandId} does not exist`);
    return command;
  }

  listForStation(tenantId: string, stationId: string, query: { limit: number; cursor?: string | null }) {
    return this.log.listForStation(this.db, tenantId, stationId, query);
  }
}

/** What is kept of an outcome: the response, or the error's facts. */
function answerOf(outcome: CallOutcome): unknown {
  switch (outcome.kind) {
    case 'result':
      return outcome.payload;
    case 'error':
      return { code: outcome.wireCode, description: outcome.description, details: outcome.details };
    case 'invalid-response':
      return { code: outcome.code, issues: outcome.issues, response: outcome.payload };
    case 'timeout':
      return { timeoutMs: outcome.timeoutMs };
    default:
      return null;
  }
}
