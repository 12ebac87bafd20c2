// The charging sessions of one simulated station: EVs plugged in, RFID swipes, remote starts and
// stops, reservations, meter ticks on a Clock, and the transaction messages they cause, queued in
// order (and kept while offline) in the station's TransactionQueue.
import { randomUUID } from 'node:crypto';
import type { CallOutcome } from '../protocol/call-outcome.js';
import { isOcpp2x, type OcppVersion } from '../protocol/versions.js';
import { ChargingModel, randomEv, type ChargingLimit, type ChargingState, type EvProfile, type EvseProfile } from './charging-model.js';
import type { Clock, TimerHandle } from './clock.js';
import { ReservationBook, type Reservation } from './reservation-book.js';
import type { TransactionQueue } from './transaction-queue.js';
import { meterValue16, meterValue2x, STOP_TRIGGER_2X, type Reading, type StopCause } from './transaction-messages.js';

/** Connector status in 1.6 words; 2.x stations report the family's coarser word (see `status2x`). */
export type Status16 = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

export function status2x(status: Status16): 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted' {
  if (status === 'Available' || status === 'Reserved' || status === 'Unavailable' || status === 'Faulted') return status;
  return 'Occupied';
}

/** A transaction as the simulator ran it: the truth a test compares the CSMS's record with. */
export type SimulatedTransaction = {
  connectorId: number;
  /** 1.6: the CSMS's integer (undefined until StartTransaction is answered); 2.x: the station's string. */
  transactionId: number | string | undefined;
  idToken: string;
  remoteStartId: number | undefined;
  reservationId: number | undefined;
  startedAt: Date;
  endedAt: Date | undefined;
  stoppedReason: StopCause | undefined;
  meterStartWh: number;
  /** The register value last reported for this transaction. */
  meterLastWh: number;
  /** Transaction messages created while the station was offline. */
  offlineMessages: number;
  /** The CSMS's authorization answer to the start, once it came. */
  authorizationStatus: string | undefined;
};

/** meterLastWh - meterStartWh: the energy the simulated meter recorded. */
export const meteredWh = (tx: SimulatedTransaction): number => tx.meterLastWh - tx.meterStartWh;

export type SessionEngineDeps = {
  version: OcppVersion;
  connectors: number;
  evse: EvseProfile;
  clock: Clock;
  random: () => number;
  queue: TransactionQueue;
  online: () => boolean;
  /** Sends a CALL now (Authorize, ReservationStatusUpdate); 'offline' when not connected. */
  call: (action: string, payload: unknown) => Promise<CallOutcome>;
  reportStatus: (connectorId: number, status: Status16) => Promise<unknown>;
  /** The connector's administrative status from ChangeAvailability (Unavailable blocks sessions). */
  isUnavailable: (connectorId: number) => boolean;
  meterIntervalSeconds: () => number;
  /** First register reading of each connector's meter. */
  initialRegisterWh?: (connectorId: number) => number;
};

type Connector = {
  id: number;
  status: Status16;
  /** The meter register in Wh, with the fraction not yet reported. */
  registerWh: number;
  ev: ChargingModel | undefined;
  /** A driver authorized (or a remote start arrived) and the session starts when the EV is plugged. */
  authorized: { idToken: string; idTokenType: string; groupIdToken?: string; remoteStartId?: number; trigger: 'Authorized' | 'RemoteStart' } | undefined;
  transaction: SimulatedTransaction | undefined;
  chargingState: ChargingState | 'EVConnected';
  seqNo: number;
  lastAdvance: number;
  meterTimer: TimerHandle | undefined;
  limit: ChargingLimit | undefined;
  /** Smart charging: a misbehaving EV that ignores the limits it is given. */
  ignoresLimits: boolean;
};

/** The 2.x token type of a card swiped at the station (MIFARE cards are ISO 14443). */
const RFID_TYPE = 'ISO14443';

export type SwipeResult = 'started' | 'authorized' | 'stopped' | 'rejected' | 'reserved' | 'unavailable';

export class SessionEngine {
  readonly transactions: SimulatedTransaction[] = [];
  readonly reservations: ReservationBook;
  private readonly connectors = new Map<number, Connector>();
  /** Tokens the CSMS accepted, for swipes while offline (the authorization cache, C10/C12). */
  private readonly authCache = new Map<string, string | undefined>();
  private readonly transactionListeners: Array<(connectorId: number, running: boolean) => void> = [];

  constructor(private readonly deps: SessionEngineDeps) {
    for (let id = 1; id <= deps.connectors; id++) {
      this.connectors.set(id, {
        id, status: 'Available', registerWh: deps.initialRegisterWh?.(id) ?? Math.floor(deps.random() * 1_000_000), ev: undefined, authorized: undefined,
        transaction: undefined, chargingState: 'EVConnected', seqNo: 0, lastAdvance: 0, meterTimer: undefined, limit: undefined, ignoresLimits: false,
      });
    }
    this.reservations = new ReservationBook(deps.clock, (reservation) => this.expireReservation(reservation));
  }

  private get is2x(): boolean {
    return isOcpp2x(this.deps.version);
  }

  private get dc(): boolean {
    return this.deps.evse.kind === 'DC';
  }

  statusOf(connectorId: number): Status16 | undefined {
    return this.connectors.get(connectorId)?.status;
  }

  /** The running transaction on a connector (2.x: EVSE), if any. */
  transactionOn(connectorId: number): SimulatedTransaction | undefined {
    return this.connectors.get(connectorId)?.transaction;
  }

  /** The charging model of the EV plugged in at a connector: its state of charge, the limit in force. */
  evOn(connectorId: number): ChargingModel | undefined {
    return this.connectors.get(connectorId)?.ev;
  }

  /** The connector that is free for `idToken`: not busy, not unavailable, not reserved for another. */
  freeConnector(idToken: string, groupIdToken?: string): number | undefined {
    for (const connector of this.connectors.values()) {
      if (this.isFreeFor(connector, idToken, groupIdToken)) return connector.id;
    }
    return undefined;
  }

  // --- the driver ------------------------------------------------------------------------

  /** An EV is plugged in; the session starts if a driver was already authorized here. */
  async plugIn(connectorId: number, ev?: EvProfile, options: { ignoresLimits?: boolean } = {}): Promise<void> {
    const connector = this.connector(connectorId);
    if (connector.ev) throw new Error(`connector ${connectorId} already has an EV plugged in`);
    connector.ev = new ChargingModel(this.deps.evse, ev ?? randomEv(this.deps.random));
    connector.ignoresLimits = options.ignoresLimits ?? false;
    connector.ev.setLimit(connector.ignoresLimits ? undefined : connector.limit);
    if (connector.authorized) await this.start(connector);
    else await this.setStatus(connector, 'Preparing');
  }

  /** The EV leaves: a running transaction ends (EVDisconnected) and the connector is free again. */
  async unplug(connectorId: number): Promise<void> {
    const connector = this.connector(connectorId);
    if (connector.transaction) await this.stop(connector, 'EVDisconnected');
    connector.ev = undefined;
    connector.ignoresLimits = false;
    connector.authorized = undefined;
    await this.setStatus(connector, this.reservations.onConnector(connectorId) ? 'Reserved' : 'Available');
  }

  /**
   * An RFID card at a connector: stops the session when it is the session's token (or of its
   * group), else asks the CSMS (Authorize; the cache when offline) and starts or arms a start.
   */
  async swipe(connectorId: number, idToken: string): Promise<SwipeResult> {
    const connector = this.connector(connectorId);
    const running = connector.transaction;
    if (running) {
      if (running.idToken === idToken) {
        await this.stop(connector, 'Local', idToken);
        return 'stopped';
      }
      const decision = await this.authorize(idToken);
      const group = this.authCache.get(running.idToken);
      if (decision.accepted && group !== undefined && decision.groupIdToken === group) {
        await this.stop(connector, 'Local', idToken);
        return 'stopped';
      }
      return 'rejected';
    }
    if (this.deps.isUnavailable(connectorId)) return 'unavailable';
    const decision = await this.authorize(idToken);
    if (!decision.accepted) return 'rejected';
    if (!this.isFreeFor(connector, idToken, decision.groupIdToken)) return 'reserved';
    connector.authorized = { idToken, idTokenType: RFID_TYPE, trigger: 'Authorized', ...(decision.groupIdToken ? { groupIdToken: decision.groupIdToken } : {}) };
    if (connector.ev) {
      await this.start(connector);
      return 'started';
    }
    await this.setStatus(connector, 'Preparing');
    return 'authorized';
  }

  // --- the CSMS --------------------------------------------------------------------------

  /**
   * RemoteStartTransaction / RequestStartTransaction: accepted when a connector is free for the
   * token. The driver is there: `plugIn` follows (after the answer) unless an EV already waits.
   */
  remoteStart(request: { connectorId?: number; idToken: string; idTokenType?: string; groupIdToken?: string; remoteStartId?: number }): { accepted: boolean; connectorId?: number; followUp: () => Promise<void> } {
    const connectorId = request.connectorId ?? this.freeConnector(request.idToken, request.groupIdToken);
    const connector = connectorId === undefined ? undefined : this.connectors.get(connectorId);
    if (!connector || connector.authorized || !this.isFreeFor(connector, request.idToken, request.groupIdToken) || this.deps.isUnavailable(connector.id)) {
      return { accepted: false, followUp: async () => {} };
    }
    connector.authorized = {
      idToken: request.idToken, idTokenType: request.idTokenType ?? 'Central', trigger: 'RemoteStart',
      ...(request.groupIdToken ? { groupIdToken: request.groupIdToken } : {}),
      ...(request.remoteStartId !== undefined ? { remoteStartId: request.remoteStartId } : {}),
    };
    return {
      accepted: true,
      connectorId: connector.id,
      followUp: async () => {
        if (connector.ev) await this.start(connector);
        else await this.plugIn(connector.id);
      },
    };
  }

  /** RemoteStopTransaction / RequestStopTransaction: accepted when the transaction runs here. */
  remoteStop(transactionId: number | string): { accepted: boolean; followUp: () => Promise<void> } {
    const connector = [...this.connectors.values()].find((c) => c.transaction && c.transaction.transactionId === transactionId);
    if (!connector) return { accepted: false, followUp: async () => {} };
    return { accepted: true, followUp: () => this.stop(connector, 'Remote') };
  }

  /**
   * The hook for smart charging: caps a connector's (2.x: EVSE's) charging from now on; `undefined`
   * lifts the cap. Energy up to now is metered at the old power first, so a change mid-interval
   * is exact. The limit stays on the connector for the EVs that follow until changed.
   */
  setLimit(connectorId: number, limit: ChargingLimit | undefined): void {
    const connector = this.connector(connectorId);
    if (connector.transaction) this.catchUp(connector);
    connector.limit = limit;
    connector.ev?.setLimit(connector.ignoresLimits ? undefined : limit);
  }

  /** The limit set on a connector with `setLimit` (what a misbehaving EV ignores). */
  limitOn(connectorId: number): ChargingLimit | undefined {
    return this.connectors.get(connectorId)?.limit;
  }

  /** Smart charging: told when a transaction starts, learns its 1.6 id, or ends on a connector. */
  onTransactionChange(listener: (connectorId: number, running: boolean) => void): void {
    this.transactionListeners.push(listener);
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  get evseProfile(): EvseProfile {
    return this.deps.evse;
  }

  /**
   * ReserveNow: 'Accepted' or why not, in the words both families share. The status change
   * (Reserved) is the follow-up, sent after the answer.
   */
  reserve(request: { id: number; connectorId?: number; idToken: string; groupIdToken?: string; expiresAt: Date }): { status: 'Accepted' | 'Occupied' | 'Unavailable' | 'Rejected'; followUp: () => Promise<void> } {
    const refuse = (status: 'Occupied' | 'Unavailable' | 'Rejected') => ({ status, followUp: async () => {} });
    // A ReserveNow with the id of a reservation already held replaces it (1.6 §5.13, H01.FR.02).
    const existing = this.reservations.list().find((r) => r.id === request.id);
    const ignoring = existing?.connectorId;
    if (request.connectorId !== undefined) {
      const connector = this.connectors.get(request.connectorId);
      if (!connector) return refuse('Rejected');
      if (this.deps.isUnavailable(connector.id)) return refuse('Unavailable');
      const reservedByOther = this.reservations.onConnector(connector.id) && ignoring !== connector.id;
      if (connector.ev || connector.transaction || connector.authorized || reservedByOther) return refuse('Occupied');
    } else if (this.freeConnector(request.idToken, request.groupIdToken) === undefined) {
      return refuse('Occupied');
    }
    this.reservations.remove(request.id);
    this.reservations.add({ ...request, connectorId: request.connectorId });
    return {
      status: 'Accepted',
      followUp: async () => {
        if (ignoring !== undefined && ignoring !== request.connectorId) await this.releaseReserved(ignoring);
        if (request.connectorId !== undefined) await this.setStatus(this.connector(request.connectorId), 'Reserved');
      },
    };
  }

  /** CancelReservation: accepted when the reservation was known; the connector is Available again after the answer. */
  cancelReservation(id: number): { accepted: boolean; followUp: () => Promise<void> } {
    const removed = this.reservations.remove(id);
    return {
      accepted: removed !== undefined,
      followUp: async () => {
        if (removed?.connectorId !== undefined) await this.releaseReserved(removed.connectorId);
      },
    };
  }

  // --- sessions ----------------------------------------------------------------------------

  private async start(connector: Connector): Promise<void> {
    const authorized = connector.authorized!;
    const ev = connector.ev!;
    connector.authorized = undefined;
    const reservation = this.reservations.takeFor(connector.id, authorized.idToken, authorized.groupIdToken);
    const now = this.deps.clock.now();
    const meterStartWh = Math.floor(connector.registerWh);
    const tx: SimulatedTransaction = {
      connectorId: connector.id, transactionId: this.is2x ? randomUUID() : undefined, idToken: authorized.idToken,
      remoteStartId: authorized.remoteStartId, reservationId: reservation?.id, startedAt: now, endedAt: undefined, stoppedReason: undefined,
      meterStartWh, meterLastWh: meterStartWh, offlineMessages: 0, authorizationStatus: undefined,
    };
    this.transactions.push(tx);
    connector.transaction = tx;
    connector.seqNo = 0;
    connector.lastAdvance = now.getTime();
    connector.chargingState = 'EVConnected';
    const begin: Reading = { at: now, registerWh: meterStartWh, context: 'Transaction.Begin' };

    if (this.is2x) {
      this.enqueue2x(connector, 'Started', authorized.trigger, {
        transactionInfo: { transactionId: tx.transactionId, chargingState: 'EVConnected', ...(tx.remoteStartId !== undefined ? { remoteStartId: tx.remoteStartId } : {}) },
        idToken: { idToken: tx.idToken, type: authorized.idTokenType },
        ...(tx.reservationId !== undefined ? { reservationId: tx.reservationId } : {}),
        meterValue: [meterValue2x(begin, this.dc)],
      }, (response) => this.afterStartAnswer(connector, tx, (response as { idTokenInfo?: { status: string } }).idTokenInfo?.status));
    } else {
      this.enqueue(tx, {
        action: 'StartTransaction',
        build: () => ({
          connectorId: connector.id, idTag: tx.idToken, meterStart: meterStartWh, timestamp: now.toISOString(),
          ...(tx.reservationId !== undefined ? { reservationId: tx.reservationId } : {}),
        }),
        onResult: (response) => {
          const answer = response as { transactionId: number; idTagInfo?: { status: string } };
          tx.transactionId = answer.transactionId;
          return this.afterStartAnswer(connector, tx, answer.idTagInfo?.status);
        },
      });
    }
    for (const listener of this.transactionListeners) listener(connector.id, true);
    await this.followChargingState(connector, ev.instant().state);
    this.scheduleMeterTick(connector);
  }

  /** The CSMS did not accept the token of a started transaction: the station ends it (1.6 StopTransactionOnInvalidId, 2.x E05). */
  private async afterStartAnswer(connector: Connector, tx: SimulatedTransaction, status: string | undefined): Promise<void> {
    tx.authorizationStatus = status;
    if (connector.transaction === tx) for (const listener of this.transactionListeners) listener(connector.id, true);
    if (status !== undefined && status !== 'Accepted' && connector.transaction === tx) await this.stop(connector, 'DeAuthorized');
  }

  private async stop(connector: Connector, cause: StopCause, idToken?: string): Promise<void> {
    const tx = connector.transaction;
    if (!tx) return;
    this.catchUp(connector);
    this.deps.clock.clearTimeout(connector.meterTimer);
    connector.meterTimer = undefined;
    const now = this.deps.clock.now();
    const meterStopWh = Math.floor(connector.registerWh);
    tx.meterLastWh = meterStopWh;
    tx.endedAt = now;
    tx.stoppedReason = cause;
    connector.transaction = undefined;
    for (const listener of this.transactionListeners) listener(connector.id, false);
    const end: Reading = { at: now, registerWh: meterStopWh, context: 'Transaction.End' };
    if (this.is2x) {
      this.enqueue2x(connector, 'Ended', STOP_TRIGGER_2X[cause], {
        transactionInfo: { transactionId: tx.transactionId, stoppedReason: cause, chargingState: cause === 'EVDisconnected' ? 'Idle' : 'EVConnected' },
        ...(idToken ? { idToken: { idToken, type: RFID_TYPE } } : {}),
        meterValue: [meterValue2x(end, this.dc)],
      });
    } else {
      this.enqueue(tx, {
        action: 'StopTransaction',
        build: () => ({
          transactionId: tx.transactionId ?? 0, meterStop: meterStopWh, timestamp: now.toISOString(), reason: cause, ...(idToken ? { idTag: idToken } : {}),
        }),
      });
    }
    await this.setStatus(connector, cause === 'EVDisconnected' ? 'Available' : 'Finishing');
  }

  /** Meters the energy from the last reading up to now (the register keeps the fraction). */
  private catchUp(connector: Connector): void {
    const now = this.deps.clock.now().getTime();
    const seconds = (now - connector.lastAdvance) / 1000;
    if (seconds > 0 && connector.ev) connector.registerWh += connector.ev.advance(seconds);
    connector.lastAdvance = now;
  }

  private scheduleMeterTick(connector: Connector): void {
    const intervalMs = Math.max(1, this.deps.meterIntervalSeconds()) * 1000;
    connector.meterTimer = this.deps.clock.setTimeout(() => this.meterTick(connector), intervalMs);
  }

  private async meterTick(connector: Connector): Promise<void> {
    const tx = connector.transaction;
    if (!tx || !connector.ev) return;
    this.catchUp(connector);
    const instant = connector.ev.instant();
    const reading: Reading = { at: this.deps.clock.now(), registerWh: Math.floor(connector.registerWh), instant, context: 'Sample.Periodic' };
    tx.meterLastWh = reading.registerWh;
    if (this.is2x) {
      this.enqueue2x(connector, 'Updated', 'MeterValuePeriodic', {
        transactionInfo: { transactionId: tx.transactionId, chargingState: connector.chargingState },
        meterValue: [meterValue2x(reading, this.dc)],
      });
    } else {
      this.enqueue(tx, {
        action: 'MeterValues',
        build: () => ({ connectorId: connector.id, ...(tx.transactionId !== undefined ? { transactionId: tx.transactionId } : {}), meterValue: [meterValue16(reading, this.dc)] }),
      });
    }
    await this.followChargingState(connector, instant.state);
    this.scheduleMeterTick(connector);
  }

  /** Charging <-> SuspendedEV (battery full) / SuspendedEVSE (limit below what the EV can use). */
  private async followChargingState(connector: Connector, state: ChargingState): Promise<void> {
    if (connector.chargingState === state) return;
    connector.chargingState = state;
    const tx = connector.transaction!;
    if (this.is2x) {
      this.enqueue2x(connector, 'Updated', 'ChargingStateChanged', { transactionInfo: { transactionId: tx.transactionId, chargingState: state } });
    }
    await this.setStatus(connector, state);
  }

  private enqueue2x(connector: Connector, eventType: 'Started' | 'Updated' | 'Ended', triggerReason: string, body: Record<string, unknown>, onResult?: (response: unknown) => void | Promise<void>): void {
    const tx = connector.transaction ?? this.transactions.findLast((t) => t.connectorId === connector.id)!;
    const offline = !this.deps.online();
    const payload = {
      eventType, timestamp: this.deps.clock.now().toISOString(), triggerReason, seqNo: connector.seqNo++,
      ...(offline ? { offline: true } : {}), evse: { id: connector.id, connectorId: 1 }, ...body,
    };
    this.enqueue(tx, { action: 'TransactionEvent', build: () => payload, ...(onResult ? { onResult } : {}) });
  }

  private enqueue(tx: SimulatedTransaction, message: Parameters<TransactionQueue['push']>[0]): void {
    if (!this.deps.online()) tx.offlineMessages += 1;
    this.deps.queue.push(message);
  }

  // --- helpers -----------------------------------------------------------------------------

  private async authorize(idToken: string): Promise<{ accepted: boolean; groupIdToken?: string }> {
    const request = this.is2x ? { idToken: { idToken, type: RFID_TYPE } } : { idTag: idToken };
    const outcome = this.deps.online() ? await this.deps.call('Authorize', request) : ({ kind: 'offline' } as const);
    if (outcome.kind !== 'result') {
      // Offline: the authorization cache decides (a token accepted before is accepted again).
      if (!this.authCache.has(idToken)) return { accepted: false };
      const group = this.authCache.get(idToken);
      return { accepted: true, ...(group ? { groupIdToken: group } : {}) };
    }
    const info = this.is2x
      ? (outcome.payload as { idTokenInfo: { status: string; groupIdToken?: { idToken: string } } }).idTokenInfo
      : (outcome.payload as { idTagInfo: { status: string; parentIdTag?: string } }).idTagInfo;
    const group = 'groupIdToken' in info ? info.groupIdToken?.idToken : 'parentIdTag' in info ? info.parentIdTag : undefined;
    if (info.status !== 'Accepted') {
      this.authCache.delete(idToken);
      return { accepted: false };
    }
    this.authCache.set(idToken, group);
    return { accepted: true, ...(group ? { groupIdToken: group } : {}) };
  }

  private isFreeFor(connector: Connector, idToken: string, groupIdToken?: string): boolean {
    if (connector.transaction || this.deps.isUnavailable(connector.id)) return false;
    if (connector.ev && connector.authorized) return false;
    return this.reservations.allows(connector.id, idToken, groupIdToken, this.freeCount(connector.id));
  }

  /** Connectors besides `except` with nothing on them (for "any EVSE" reservations, which must leave one free). */
  private freeCount(except: number): number {
    let free = 0;
    for (const c of this.connectors.values()) {
      if (c.id !== except && !c.transaction && !c.ev && !c.authorized && !this.deps.isUnavailable(c.id) && !this.reservations.onConnector(c.id)) free += 1;
    }
    return free;
  }

  private async releaseReserved(connectorId: number): Promise<void> {
    const connector = this.connector(connectorId);
    if (connector.status === 'Reserved') await this.setStatus(connector, 'Available');
  }

  private async expireReservation(reservation: Reservation): Promise<void> {
    if (reservation.connectorId !== undefined) await this.releaseReserved(reservation.connectorId);
    if (this.is2x) await this.deps.call('ReservationStatusUpdate', { reservationId: reservation.id, reservationUpdateStatus: 'Expired' });
  }

  private async setStatus(connector: Connector, status: Status16): Promise<void> {
    const before = connector.status;
    connector.status = status;
    if (this.is2x ? status2x(before) === status2x(status) : before === status) return;
    await this.deps.reportStatus(connector.id, status);
  }

  private connector(connectorId: number): Connector {
    const connector = this.connectors.get(connectorId);
    if (!connector) throw new Error(`no connector ${connectorId} (this station has ${this.deps.connectors})`);
    return connector;
  }
}
