// Test support: a SessionService on a real database with an in-test Authorizer, and an OCPP
// context so that the adapters can be driven directly (the gateway tests cover the wire).
import pino from 'pino';
import type { OcppContext } from '../../gateway/ocpp-context.js';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { stations } from '../../infra/db/schema.js';
import type { DatabaseTarget } from '../../infra/db/test-database.js';
import { EventBus, type DomainEvent } from '../../infra/events/event-bus.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { AuthorizationDecision, AuthorizationRequest, AuthorizationStatus, Authorizer, StartAuthorization } from '../authorization/ports.js';
import { createSessionQueryStore } from './query-store.js';
import { SessionQueryService } from './query-service.js';
import { SessionService } from './service.js';
import { createSessionStore } from './store.js';
import type { SessionState } from './domain/session.js';

export type TokenFacts = { status?: AuthorizationStatus; groupIdToken?: string; masterPass?: boolean; expiresAt?: Date };

/** Decides from a table of tokens like the real Authorizer would: unknown -> Unknown; 'start' checks concurrency. */
export class TableAuthorizer implements Authorizer {
  readonly calls: AuthorizationRequest[] = [];
  sessions: SessionService | null = null;

  constructor(private readonly tokens: Record<string, TokenFacts>) {}

  async authorize(request: AuthorizationRequest): Promise<AuthorizationDecision> {
    this.calls.push(request);
    const decision = this.fromTable(request);
    if (decision.status === 'Accepted' && request.purpose === 'start' && await this.sessions?.hasActiveSession(request.tenantId, request.token.idToken)) {
      return { ...decision, status: 'ConcurrentTx' };
    }
    return decision;
  }

  async authorizeStart(request: Omit<AuthorizationRequest, 'purpose'>): Promise<StartAuthorization> {
    this.calls.push({ ...request, purpose: 'start' });
    const decision = this.fromTable(request);
    if (decision.status !== 'Accepted') return { decision, ifActiveSession: null };
    return { decision, ifActiveSession: { idToken: request.token.idToken, decision: { ...decision, status: 'ConcurrentTx' } } };
  }

  /** The decision from the token table alone (no running session counted). */
  private fromTable(request: Omit<AuthorizationRequest, 'purpose'>): AuthorizationDecision {
    const facts = this.tokens[request.token.idToken];
    return {
      status: facts ? facts.status ?? 'Accepted' : 'Unknown', reason: 'test', tokenId: facts ? request.token.idToken : null, groupIdToken: facts?.groupIdToken ?? null,
      groupIdTokenType: facts?.groupIdToken ? 'Central' : null, expiresAt: facts?.expiresAt ?? null, language: null, masterPass: facts?.masterPass ?? false,
    };
  }
}

export type Harness = {
  db: Executor;
  service: SessionService;
  queries: SessionQueryService;
  authorizer: TableAuthorizer;
  events: DomainEvent[];
  clock: { now: Date };
  ctx(stationId: string, version: OcppVersion): OcppContext;
  close(): Promise<void>;
};

export async function openHarness(target: DatabaseTarget, tokens: Record<string, TokenFacts>, stationIds: string[]): Promise<Harness> {
  const handle: DatabaseHandle = await target.open();
  const db = handle.db;
  await db.insert(stations).values(stationIds.map((id) => ({ id, tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 0 })));
  const commits = new GroupCommitter(db);
  const bus = new EventBus();
  const events: DomainEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const authorizer = new TableAuthorizer(tokens);
  const clock = { now: new Date() };
  const service = new SessionService(db, commits, createSessionStore(), authorizer, bus, pino({ level: 'silent' }),
    { futureToleranceMs: 300_000, staleAfterMs: 24 * 3600_000 }, () => new Date(clock.now.getTime()));
  authorizer.sessions = service;
  const log = pino({ level: 'silent' });
  return {
    db, service, authorizer, events, clock,
    queries: new SessionQueryService(db, createSessionQueryStore()),
    ctx: (stationId, version) => ({ station: { stationId, tenantId: 'default', version }, services: { sessions: service }, log }) as unknown as OcppContext,
    async close() {
      service.stopStaleSweep();
      await commits.close();
      await handle.close();
    },
  };
}

/**
 * A running, accepted 2.0.1 session at station ST-1 of the default tenant, started 2030-01-01 10:00Z,
 * for the batch statement tests (start-batch, append-batch); `patch` overrides any field.
 */
export function runningSession(id: string, patch: Partial<SessionState> = {}): SessionState {
  return {
    id, tenantId: 'default', stationId: 'ST-1', evseId: 1, connectorId: 1, ocppVersion: 'ocpp2.0.1', externalId: `tx-${id}`, status: 'active',
    idToken: 'TOKEN', idTokenType: 'ISO14443', groupIdToken: null, authorizationStatus: 'Accepted', authorizationMethod: null, reservationId: null,
    remoteStartId: null, startedAt: new Date(Date.UTC(2030, 0, 1, 10, 0)), endedAt: null, meterStartWh: '1000', meterStopWh: null, energyWh: '0',
    lastMeterAt: null, lastReading: null, chargingState: 'Charging', stoppedReason: null, lastSeqNo: 0, hadOfflineEvents: false, anomalies: [], ...patch,
  };
}
