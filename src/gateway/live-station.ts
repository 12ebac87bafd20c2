import type { WebSocket } from 'ws';
import type { RpcConnection } from '../protocol/rpc-connection.js';
import type { OcppVersion } from '../protocol/versions.js';
import type { RegistrationStatus } from '../modules/stations/domain/station.js';

/** A station with an open OCPP connection on this node, and what the link needs to remember. */
export type LiveStation = {
  stationId: string;
  tenantId: string;
  version: OcppVersion;
  connection: RpcConnection;
  socket: WebSocket;
  connectedAt: Date;
  remoteAddress: string | null;
  /** Mirrors the stored registration so the Pending gate costs no query per message. */
  registrationStatus: RegistrationStatus;
  /**
   * Messages the CSMS asked for with TriggerMessage while the station was not Accepted: a Pending
   * station may send exactly these (B02.FR.09 / TC_B_30, TC_B_31).
   */
  triggeredMessages: Set<string>;
  /** Answered WebSocket pings; the liveness sweep closes links that miss one. */
  awaitingPong: boolean;
};

/**
 * The record of one open link, as the gateway keeps it: a class so that every link has one shape,
 * and lean because a node holds tens of thousands of idle ones (ADR 074). The connect time is a
 * number (a `Date` object is ~10 times its size) and the set of triggered messages exists only
 * once a trigger was sent or a not-yet-accepted station sends something.
 */
export class LiveStationLink implements LiveStation {
  readonly stationId: string;
  readonly tenantId: string;
  readonly version: OcppVersion;
  /** Set right after construction: the connection's dispatcher needs the link first. */
  connection: RpcConnection = undefined as unknown as RpcConnection;
  readonly socket: WebSocket;
  readonly remoteAddress: string | null;
  registrationStatus: RegistrationStatus;
  awaitingPong = false;
  private readonly connectedAtMs: number;
  private triggered: Set<string> | undefined = undefined;

  constructor(init: {
    stationId: string; tenantId: string; version: OcppVersion; socket: WebSocket; remoteAddress: string | null;
    registrationStatus: RegistrationStatus; connectedAtMs?: number;
  }) {
    this.stationId = init.stationId;
    this.tenantId = init.tenantId;
    this.version = init.version;
    this.socket = init.socket;
    this.remoteAddress = init.remoteAddress;
    this.registrationStatus = init.registrationStatus;
    this.connectedAtMs = init.connectedAtMs ?? Date.now();
  }

  get connectedAt(): Date {
    return new Date(this.connectedAtMs);
  }

  get triggeredMessages(): Set<string> {
    return (this.triggered ??= new Set());
  }
}

/** The live connections of this node, by station id. At most one per station. */
export class ConnectionRegistry {
  private readonly byStationId = new Map<string, LiveStation>();

  get(stationId: string): LiveStation | undefined {
    return this.byStationId.get(stationId);
  }

  /** Registers a new link and returns the one it replaces, if any (the caller closes it). */
  put(live: LiveStation): LiveStation | undefined {
    const previous = this.byStationId.get(live.stationId);
    this.byStationId.set(live.stationId, live);
    return previous;
  }

  /** Removes the link only if it is still the current one: a replaced link must not drop its successor. */
  removeIfCurrent(live: LiveStation): boolean {
    if (this.byStationId.get(live.stationId) !== live) return false;
    this.byStationId.delete(live.stationId);
    return true;
  }

  get size(): number {
    return this.byStationId.size;
  }

  all(): IterableIterator<LiveStation> {
    return this.byStationId.values();
  }
}
