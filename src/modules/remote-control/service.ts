import { sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { DomainError } from '../../shared/domain-error.js';
import type { CommandResult, StationCommandService } from '../commands/command-service.js';
import {
  availabilityPayload, remoteStartPayload, remoteStopPayload, resetPayload, triggerPayload, unlockPayload,
  type RemoteStart, type ResetKind,
} from './command-payloads.js';
import type { FinalOutcomeTracker } from './final-outcome-tracker.js';

/** The facts about a session that stopping it remotely needs. */
export type SessionRef = { id: string; stationId: string; externalId: string; ocppVersion: OcppVersion; status: string };

export interface SessionRefLookup {
  find(tenantId: string, sessionId: string): Promise<SessionRef | null>;
}

type Caller = { tenantId: string; requestedBy: string | null };

/** Smart charging (issue 7, K05): the TxProfile a remote start on a load-balanced EVSE carries. */
export interface StartProfileSource {
  startProfileFor(tenantId: string, stationId: string, evseId: number, version: OcppVersion): Promise<unknown>;
}

/**
 * Remote control as resources (start, stop, unlock, availability, reset, trigger) on top of the
 * generic command path: each maps to the station's version, is logged, and returns the station's
 * answer; remote start and stop are then followed to their final outcome.
 */
export class RemoteControlService {
  constructor(
    private readonly db: Executor,
    private readonly commands: StationCommandService,
    private readonly sessions: SessionRefLookup,
    private readonly tracker: FinalOutcomeTracker,
    private readonly startProfiles?: StartProfileSource,
  ) {}

  async start(caller: Caller, stationId: string, start: Omit<RemoteStart, 'remoteStartId'>): Promise<CommandResult> {
    const version = await this.commands.versionOf(caller.tenantId, stationId);
    const remoteStartId = version === 'ocpp1.6' ? undefined : await this.nextRemoteStartId();
    // A load-balanced EVSE starts at the limit the site can take (smart charging), unless the caller sent a profile.
    const chargingProfile = start.chargingProfile ?? (start.evseId === undefined ? undefined : await this.startProfiles?.startProfileFor(caller.tenantId, stationId, start.evseId, version));
    const { action, payload } = remoteStartPayload(version, { ...start, ...(chargingProfile === undefined ? {} : { chargingProfile }), ...(remoteStartId === undefined ? {} : { remoteStartId }) });
    const expect = (commandId: string) => this.tracker.expect({
      commandId, tenantId: caller.tenantId, stationId, kind: 'start', idToken: start.idToken,
      ...(remoteStartId === undefined ? {} : { remoteStartId }),
      ...(start.evseId === undefined ? {} : { evseId: start.evseId }),
    });
    const result = await this.commands.send({ ...caller, stationId, action, payload, remoteStartId: remoteStartId ?? null, beforeSend: expect });
    await this.settleUnaccepted(result);
    return result;
  }

  async stop(caller: Caller, sessionId: string): Promise<CommandResult & { session: SessionRef }> {
    const session = await this.sessions.find(caller.tenantId, sessionId);
    if (!session) throw new DomainError('session_not_found', `Session ${sessionId} does not exist`);
    if (session.status !== 'active') throw new DomainError('invalid_command', `Session ${sessionId} is ${session.status}, not active`);
    const { action, payload } = remoteStopPayload(session.ocppVersion, session.externalId);
    const expect = (commandId: string) => this.tracker.expect({ commandId, tenantId: caller.tenantId, stationId: session.stationId, kind: 'stop', sessionId });
    const result = await this.commands.send({ ...caller, stationId: session.stationId, action, payload, sessionId, beforeSend: expect });
    await this.settleUnaccepted(result, sessionId);
    return { ...result, session };
  }

  async unlock(caller: Caller, stationId: string, evseId: number, connectorId?: number): Promise<CommandResult> {
    const version = await this.commands.versionOf(caller.tenantId, stationId);
    return this.commands.send({ ...caller, stationId, ...unlockPayload(version, evseId, connectorId) });
  }

  async changeAvailability(caller: Caller, stationId: string, operative: boolean, evseId?: number, connectorId?: number): Promise<CommandResult> {
    const version = await this.commands.versionOf(caller.tenantId, stationId);
    return this.commands.send({ ...caller, stationId, ...availabilityPayload(version, operative, evseId, connectorId) });
  }

  async reset(caller: Caller, stationId: string, kind: ResetKind, evseId?: number): Promise<CommandResult> {
    const version = await this.commands.versionOf(caller.tenantId, stationId);
    return this.commands.send({ ...caller, stationId, ...resetPayload(version, kind, evseId) });
  }

  async trigger(caller: Caller, stationId: string, requestedMessage: string, evseId?: number, connectorId?: number): Promise<CommandResult> {
    const version = await this.commands.versionOf(caller.tenantId, stationId);
    return this.commands.send({ ...caller, stationId, ...triggerPayload(version, requestedMessage, evseId, connectorId) });
  }

  /** A start/stop the station did not accept will lead nowhere: it is failed now, with the reason. */
  private async settleUnaccepted(result: CommandResult, sessionId?: string): Promise<void> {
    if (accepted(result)) return;
    const detail = result.outcome.kind === 'result' ? `Station answered ${statusOf(result)}` : `No answer: ${result.outcome.kind}`;
    if (this.tracker.cancel(result.commandId)) {
      await this.commands.recordFinal(result.commandId, { outcome: 'failed', detail, ...(sessionId ? { sessionId } : {}) });
    }
  }

  waitForFinal(commandId: string, waitMs: number) {
    return this.tracker.wait(commandId, waitMs);
  }

  private async nextRemoteStartId(): Promise<number> {
    const result = await this.db.execute<{ id: number | string }>(sql`select nextval('remote_start_id_seq') as id`);
    const rows = (result as unknown as { rows: Array<{ id: number | string }> }).rows;
    return Number(rows[0]!.id);
  }
}

function statusOf(result: CommandResult): string {
  return result.outcome.kind === 'result' ? String((result.outcome.payload as { status?: unknown }).status) : result.outcome.kind;
}

function accepted(result: CommandResult): boolean {
  return result.outcome.kind === 'result' && (result.outcome.payload as { status?: unknown }).status === 'Accepted';
}
