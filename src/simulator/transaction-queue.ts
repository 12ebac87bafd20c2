// Transaction-related messages (1.6 Start/StopTransaction and transaction MeterValues, 2.x
// TransactionEvent) must reach the CSMS exactly in order and never get lost: a station keeps them
// while offline and delivers them on reconnect (OCPP 1.6 §4.7/§4.8 "Transaction-related messages",
// 2.0.1 E04 "offline transaction"). This queue holds them and sends one at a time.
import type { CallOutcome } from '../protocol/call-outcome.js';

export type QueuedMessage = {
  action: string;
  /**
   * Built at the first sending attempt, not before: a 1.6 MeterValues or StopTransaction queued
   * offline names a transaction id the CSMS gives only when the StartTransaction before it is
   * answered. A retry sends the same payload (the CSMS recognises the retry by its content).
   */
  build: () => unknown;
  /** Called with the CALLRESULT payload. */
  onResult?: (response: unknown) => void | Promise<void>;
};

export type QueueSender = (action: string, payload: unknown) => Promise<CallOutcome>;

/** A CALLERROR is retried this often, then the message is given up (OCPP 1.6 TransactionMessageAttempts). */
const MAX_ERROR_ATTEMPTS = 3;

export type QueueEvents = {
  delivered?: (action: string, payload: unknown, response: unknown) => void;
  dropped?: (action: string, payload: unknown, reason: string) => void;
};

export class TransactionQueue {
  private readonly items: Array<QueuedMessage & { payload?: unknown; errors: number }> = [];
  private open = false;
  private pumping: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;

  constructor(private readonly send: QueueSender, private readonly events: QueueEvents = {}, private readonly retryDelayMs = 1000) {}

  get length(): number {
    return this.items.length;
  }

  push(message: QueuedMessage): void {
    this.items.push({ ...message, errors: 0 });
    this.kick();
  }

  /** The CSMS accepted the station: deliver what is queued. */
  resume(): void {
    this.open = true;
    this.kick();
  }

  /** The link is gone: keep everything until `resume`. */
  pause(): void {
    this.open = false;
    clearTimeout(this.retryTimer);
    this.wakeRetry?.();
  }

  /** Resolves when nothing is queued or in flight. */
  drained(): Promise<void> {
    if (this.items.length === 0 && !this.pumping) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private kick(): void {
    if (!this.open || this.pumping) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.items.length === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      else if (this.open) this.kick();
    });
  }

  private async pump(): Promise<void> {
    while (this.open && this.items.length > 0) {
      const item = this.items[0]!;
      item.payload ??= item.build();
      const outcome = await this.send(item.action, item.payload);
      if (outcome.kind === 'result') {
        this.items.shift();
        await item.onResult?.(outcome.payload);
        this.events.delivered?.(item.action, item.payload, outcome.payload);
        continue;
      }
      if (outcome.kind === 'offline') {
        this.open = false; // resume() comes with the next accepted boot
        return;
      }
      if (outcome.kind === 'error' || outcome.kind === 'invalid-request') {
        item.errors += 1;
        if (item.errors >= MAX_ERROR_ATTEMPTS) {
          this.items.shift();
          this.events.dropped?.(item.action, item.payload, outcome.kind === 'error' ? `${outcome.wireCode}: ${outcome.description}` : outcome.code);
          continue;
        }
      }
      // timeout, busy, an invalid answer or a CALLERROR to retry: try again a little later
      await new Promise<void>((resolve) => {
        this.wakeRetry = resolve;
        this.retryTimer = setTimeout(resolve, this.retryDelayMs);
        this.retryTimer.unref();
      });
      this.wakeRetry = undefined;
    }
  }
}
