import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CallOutcome } from './call-outcome.js';
import { OcppCallError, parseErrorCode, serializeErrorCode, toOcppCallError } from './errors.js';
import {
  isFrameProblem, MessageType, parseFrame, serializeCall, serializeCallError, serializeCallResult,
  type CallFrame, type CallErrorFrame, type CallResultFrame, type SendFrame,
} from './frames.js';
import type { MessageValidator } from './validation.js';
import { isOcpp2x, type OcppVersion } from './versions.js';

/** The part of a WebSocket the engine needs; `ws`'s WebSocket satisfies it. */
export interface RpcSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Which side of the link this end is: decides which actions it may receive. */
export type RpcRole = 'csms' | 'station';

/** Answers one inbound CALL. Returns undefined when no handler exists (-> NotSupported). */
export type CallDispatcher = (action: string, payload: unknown) => Promise<unknown> | undefined;

/**
 * The same as a method of an object the link keeps anyway (its handlers' context, say): a server
 * with tens of thousands of links then needs no dispatcher closure per link (ADR 074).
 */
export interface CallHandler {
  handleCall(action: string, payload: unknown): Promise<unknown> | undefined;
}

export type RpcConnectionOptions = {
  version: OcppVersion;
  role: RpcRole;
  validator: MessageValidator;
  dispatch: CallDispatcher | CallHandler;
  /** Receives 2.1 SEND frames (no response is ever sent). */
  onSend?: (action: string, payload: unknown) => void;
  callTimeoutMs: number;
  /** Outbound CALLs that may wait behind the outstanding one before callers get 'busy'. */
  maxQueuedCalls: number;
  /** Inbound CALLs that may wait while one is being handled; more are answered with an error. */
  maxQueuedInbound: number;
  log: Logger;
};

type PendingCall = {
  id: string;
  action: string;
  payload: unknown;
  timeoutMs: number;
  resolve: (outcome: CallOutcome) => void;
  timer: NodeJS.Timeout | undefined;
};

const FRAMES_1_6 = new Set<number>([MessageType.Call, MessageType.CallResult, MessageType.CallError]);
const FRAMES_2_0_1 = FRAMES_1_6;
const FRAMES_2_1 = new Set<number>([...FRAMES_1_6, MessageType.CallResultError, MessageType.Send]);

/** What every link of one version and configuration shares: one object for all of them, not one each. */
type LinkSettings = Readonly<{
  version: OcppVersion;
  role: RpcRole;
  validator: MessageValidator;
  allowedFrames: ReadonlySet<number>;
  callTimeoutMs: number;
  maxQueuedCalls: number;
  maxQueuedInbound: number;
}>;

const sharedSettings = new WeakMap<MessageValidator, Map<string, LinkSettings>>();

function settingsFor(options: RpcConnectionOptions): LinkSettings {
  const { version, role, validator, callTimeoutMs, maxQueuedCalls, maxQueuedInbound } = options;
  let byKey = sharedSettings.get(validator);
  if (!byKey) sharedSettings.set(validator, (byKey = new Map()));
  const key = `${version}|${role}|${callTimeoutMs}|${maxQueuedCalls}|${maxQueuedInbound}`;
  let settings = byKey.get(key);
  if (!settings) {
    const allowedFrames = version === 'ocpp2.1' ? FRAMES_2_1 : version === 'ocpp2.0.1' ? FRAMES_2_0_1 : FRAMES_1_6;
    settings = Object.freeze({ version, role, validator, allowedFrames, callTimeoutMs, maxQueuedCalls, maxQueuedInbound });
    byKey.set(key, settings);
  }
  return settings;
}

/**
 * One OCPP-J link over one WebSocket, for either side. It frames and correlates messages, keeps
 * one outstanding CALL per direction (queueing the rest), times calls out, and validates every
 * inbound request, every response the peer sends back, and everything this end sends, against
 * the version's schemas. It knows nothing of chargers' business: `dispatch` does.
 *
 * A server holds tens of thousands of these while they sit idle, so an idle link keeps only its
 * own references (ADR 074): the settings are shared per configuration, and the queues exist only
 * while something waits in them.
 */
export class RpcConnection {
  private readonly socket: RpcSocket;
  private readonly settings: LinkSettings;
  private readonly dispatch: CallDispatcher | CallHandler;
  private readonly onSend: ((action: string, payload: unknown) => void) | undefined;
  private readonly log: Logger;
  private outstanding: PendingCall | undefined = undefined;
  /** Outbound CALLs behind the outstanding one; undefined while none waits. */
  private waitingCalls: PendingCall[] | undefined = undefined;
  /** Inbound CALLs behind the one being answered; undefined while none waits. */
  private waitingFrames: CallFrame[] | undefined = undefined;
  private idleWaiters: Array<() => void> | undefined = undefined;
  private inboundBusy = false;
  private closed = false;

  constructor(socket: RpcSocket, options: RpcConnectionOptions) {
    this.socket = socket;
    this.settings = settingsFor(options);
    this.dispatch = options.dispatch;
    this.onSend = options.onSend;
    this.log = options.log;
  }

  get version(): OcppVersion {
    return this.settings.version;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a CALL and resolves with what became of it; never rejects. */
  call(action: string, payload: unknown, timeoutMs = this.settings.callTimeoutMs): Promise<CallOutcome> {
    if (this.closed) return Promise.resolve({ kind: 'offline' });
    const check = this.settings.validator.validateRequest(action, payload);
    if (!check.ok) return Promise.resolve({ kind: 'invalid-request', code: check.code, issues: check.issues });
    const queued = this.waitingCalls?.length ?? 0;
    if (queued >= this.settings.maxQueuedCalls) return Promise.resolve({ kind: 'busy', queued });
    return new Promise((resolve) => {
      (this.waitingCalls ??= []).push({ id: randomUUID(), action, payload, timeoutMs, resolve, timer: undefined });
      this.pumpOutbound();
    });
  }

  /** Handles one text message from the socket. */
  receive(text: string): void {
    const frame = parseFrame(text, this.settings.allowedFrames);
    if (isFrameProblem(frame)) {
      this.log.warn({ code: frame.code, reason: frame.description }, 'ocpp frame rejected');
      this.sendError(MessageType.CallError, frame.id, new OcppCallError(frame.code, frame.description));
      return;
    }
    switch (frame.type) {
      case MessageType.Call:
        return this.enqueueInbound(frame);
      case MessageType.CallResult:
        return this.settleWithResult(frame);
      case MessageType.CallError:
      case MessageType.CallResultError:
        return this.settleWithError(frame);
      case MessageType.Send:
        return this.receiveSend(frame);
    }
  }

  /** The socket is gone: every waiting caller learns the station is offline. */
  handleClosed(): void {
    if (this.closed) return;
    this.closed = true;
    const waiting = [...(this.outstanding ? [this.outstanding] : []), ...(this.waitingCalls ?? [])];
    this.outstanding = undefined;
    this.waitingCalls = undefined;
    for (const call of waiting) {
      if (call.timer) clearTimeout(call.timer);
      call.resolve({ kind: 'offline' });
    }
    this.waitingFrames = undefined;
    this.notifyIdle();
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /** Resolves when no inbound CALL is being handled and no outbound CALL is awaiting its answer. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => (this.idleWaiters ??= []).push(resolve));
  }

  private isIdle(): boolean {
    return this.closed || (!this.inboundBusy && this.waitingFrames === undefined && !this.outstanding && this.waitingCalls === undefined);
  }

  private notifyIdle(): void {
    if (!this.idleWaiters || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = undefined;
    for (const resolve of waiters) resolve();
  }

  // --- outbound CALLs ---------------------------------------------------------------------

  private pumpOutbound(): void {
    if (this.outstanding || this.closed || !this.waitingCalls) return;
    const next = this.waitingCalls.shift()!;
    // An empty queue is dropped, not kept: an idle link holds no array.
    if (this.waitingCalls.length === 0) this.waitingCalls = undefined;
    this.outstanding = next;
    next.timer = setTimeout(() => this.settle(next.id, { kind: 'timeout', timeoutMs: next.timeoutMs }), next.timeoutMs);
    this.socket.send(serializeCall(next.id, next.action, next.payload));
  }

  private settle(id: string, outcome: CallOutcome): boolean {
    const call = this.outstanding;
    if (!call || call.id !== id) return false;
    clearTimeout(call.timer);
    this.outstanding = undefined;
    call.resolve(outcome);
    this.pumpOutbound();
    this.notifyIdle();
    return true;
  }

  private settleWithResult(frame: CallResultFrame): void {
    const call = this.outstanding;
    if (!call || call.id !== frame.id) {
      this.log.warn({ messageId: frame.id }, 'CALLRESULT for no outstanding call dropped');
      return;
    }
    const check = this.settings.validator.validateResponse(call.action, frame.payload);
    if (!check.ok) {
      this.log.warn({ action: call.action, code: check.code, issues: check.issues }, 'invalid response from peer');
      // OCPP 2.1 lets the receiver of a bad CALLRESULT say so with a CALLRESULTERROR.
      if (this.version === 'ocpp2.1') {
        this.sendError(MessageType.CallResultError, frame.id, new OcppCallError(check.code, 'Response does not match the schema', { issues: check.issues }));
      }
      this.settle(frame.id, { kind: 'invalid-response', code: check.code, issues: check.issues, payload: frame.payload });
      return;
    }
    this.settle(frame.id, { kind: 'result', payload: frame.payload });
  }

  private settleWithError(frame: CallErrorFrame): void {
    if (frame.type === MessageType.CallResultError) {
      // The peer says our CALLRESULT to its CALL was bad; there is nothing to settle on our side.
      this.log.warn({ messageId: frame.id, code: frame.code, description: frame.description }, 'peer rejected our response');
      return;
    }
    const settled = this.settle(frame.id, {
      kind: 'error',
      code: parseErrorCode(frame.code, this.version),
      wireCode: frame.code,
      description: frame.description,
      details: frame.details,
    });
    if (!settled) this.log.warn({ messageId: frame.id, code: frame.code }, 'CALLERROR for no outstanding call dropped');
  }

  // --- inbound CALLs ----------------------------------------------------------------------

  private enqueueInbound(frame: CallFrame): void {
    if ((this.waitingFrames?.length ?? 0) >= this.settings.maxQueuedInbound) {
      this.sendError(MessageType.CallError, frame.id, new OcppCallError(isOcpp2x(this.version) ? 'RpcFrameworkError' : 'GenericError', 'Too many calls waiting for an answer'));
      return;
    }
    if (this.inboundBusy) (this.waitingFrames ??= []).push(frame);
    else {
      this.inboundBusy = true;
      this.answerFrom(frame);
    }
  }

  /**
   * Answers `first`, then whatever queued behind it, in order, one at a time. A frame answered
   * without waiting (an error) is sent at once; a handler's promise sends its answer when it
   * settles and then goes on with the queue. No async functions: per message, the only promise is
   * the handler's own, and the answer leaves in the microtask in which the handler's promise settles.
   */
  private answerFrom(first: CallFrame): void {
    for (let frame: CallFrame | undefined = first; frame; frame = this.nextWaitingFrame()) {
      const handled = this.startAnswer(frame);
      if (typeof handled !== 'string') {
        const current = frame;
        handled.then(
          (response) => this.answered(current, this.finishAnswer(current, response)),
          (thrown: unknown) => this.answered(current, this.errorAnswer(current, thrown)),
        );
        return;
      }
      if (!this.closed) this.socket.send(handled);
    }
    this.inboundBusy = false;
    this.notifyIdle();
  }

  /** Sends the answer to the frame a handler was working on, then answers the next one waiting. */
  private answered(frame: CallFrame, reply: string): void {
    if (!this.closed) this.socket.send(reply);
    const next = this.nextWaitingFrame();
    if (next) return this.answerFrom(next);
    this.inboundBusy = false;
    this.notifyIdle();
  }

  private nextWaitingFrame(): CallFrame | undefined {
    const queue = this.waitingFrames;
    if (!queue) return undefined;
    const next = queue.shift();
    if (queue.length === 0) this.waitingFrames = undefined;
    return next;
  }

  /**
   * Checks and dispatches one inbound CALL: the CALLERROR text when it cannot be handled, else the
   * handler's promise of a response.
   */
  private startAnswer(frame: CallFrame): string | PromiseLike<unknown> {
    try {
      this.checkInboundAction(frame.action);
      const check = this.settings.validator.validateRequest(frame.action, frame.payload);
      if (!check.ok) throw new OcppCallError(check.code, describeIssues(check.issues), { issues: check.issues });
      const handled = typeof this.dispatch === 'function' ? this.dispatch(frame.action, frame.payload) : this.dispatch.handleCall(frame.action, frame.payload);
      if (!handled) throw new OcppCallError('NotSupported', `${frame.action} is not supported`);
      return handled;
    } catch (thrown) {
      return this.errorAnswer(frame, thrown);
    }
  }

  /** The CALLRESULT text for a handler's response, once the response passed our own schema check. */
  private finishAnswer(frame: CallFrame, response: unknown): string {
    try {
      const own = this.settings.validator.validateResponse(frame.action, response);
      if (!own.ok) {
        // Our own handler built a bad response: a bug on our side, never sent to the station.
        this.log.error({ action: frame.action, issues: own.issues }, 'handler produced an invalid response');
        throw new OcppCallError('InternalError', 'The response could not be produced');
      }
      return serializeCallResult(frame.id, response);
    } catch (thrown) {
      return this.errorAnswer(frame, thrown);
    }
  }

  /** The CALLERROR text for what a CALL's handling threw (logged unless it is an OcppCallError). */
  private errorAnswer(frame: CallFrame, thrown: unknown): string {
    const error = toOcppCallError(thrown);
    if (!(thrown instanceof OcppCallError)) this.log.error({ err: thrown, action: frame.action }, 'handler failed');
    else this.log.info({ action: frame.action, code: error.code, reason: error.description }, 'call answered with CALLERROR');
    return serializeCallError(MessageType.CallError, frame.id, serializeErrorCode(error.code, this.version), error.description, error.details);
  }

  /** Unknown actions are NotImplemented; actions meant for the other side are NotSupported here. */
  private checkInboundAction(action: string): void {
    const direction = this.settings.validator.directionOf(action);
    if (!direction) throw new OcppCallError('NotImplemented', `Unknown action ${action}`);
    const expected = this.settings.role === 'csms' ? 'station' : 'csms';
    if (direction !== expected && direction !== 'both') {
      throw new OcppCallError('NotSupported', `${action} is not sent in this direction`);
    }
  }

  private receiveSend(frame: SendFrame): void {
    // SEND frames (2.1) are never answered, not even with an error: problems are only logged.
    const check = this.settings.validator.validateRequest(frame.action, frame.payload);
    if (!check.ok) {
      this.log.warn({ action: frame.action, issues: check.issues }, 'invalid SEND frame dropped');
      return;
    }
    this.onSend?.(frame.action, frame.payload);
  }

  private sendError(type: 4 | 5, id: string, error: OcppCallError): void {
    if (this.closed) return;
    this.socket.send(serializeCallError(type, id, serializeErrorCode(error.code, this.version), error.description, error.details));
  }
}

function describeIssues(issues: ReadonlyArray<{ instancePath: string; message: string }>): string {
  const first = issues[0];
  if (!first) return 'Payload does not match the schema';
  return `${first.instancePath || '(payload)'} ${first.message}`;
}
