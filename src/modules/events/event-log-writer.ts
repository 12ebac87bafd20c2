// Persists every DomainEvent of the bus into event_log, in batches, and hands each stored event
// (now with its id) to the live consumers: the SSE hub and the webhook dispatcher.
//
// The bus calls subscribers synchronously, so the subscriber only queues: a publisher never waits
// for the database. Batches are written one at a time, which keeps the ids of one node in commit
// order; consumers therefore see ids strictly increasing, which SSE resumption relies on.
//
// Writes start at most once per `minIntervalMs` (ADR 096): a write joins a group-commit batch, and
// under load (a reconnect storm) batches follow each other every few ms, so writing at each one
// put ~1 station's events in each insert. Events that arrive meanwhile wait in the queue and go
// in the next insert together; when the log has been quiet that long, a write starts at the next
// turn as before. Nothing waits on these writes (publishers never did), so the wait costs no
// durability an answer relied on: only live consumers (SSE, webhooks) see events up to that much later.
import type { Logger } from 'pino';
import { pgErrorCode, type Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { DomainEvent, EventBus } from '../../infra/events/event-bus.js';
import type { EventLogStore } from './event-log-store.js';
import type { PersistedEvent } from './event-types.js';

/** Runs inside the transaction that stores the events (webhook deliveries are written with them). */
export type PersistHook = (tx: Executor, events: readonly PersistedEvent[]) => Promise<void>;
/** Called after COMMIT, once per event, in id order. Must not throw or block. */
export type EventConsumer = (event: PersistedEvent) => void;

export type EventLogWriterOptions = {
  /** Most events in one insert (default 500). */
  maxBatch?: number;
  /** Events waiting beyond this are dropped with an error log (default 100,000): memory stays bounded when the database is down. */
  maxQueue?: number;
  /** Attempts for a batch that failed for a reason other than its data (default 5, 1 s apart). */
  maxTransientRetries?: number;
  retryDelayMs?: number;
  /** Least time between the starts of two writes (default 100 ms); a full batch is written at once. */
  minIntervalMs?: number;
};

export class EventLogWriter {
  private queue: DomainEvent[] = [];
  /** The pending start of the next write (a timer, or the next turn). */
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  /** performance.now() when the last write started. */
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | null = null;
  private readonly hooks: PersistHook[] = [];
  private readonly consumers = new Set<EventConsumer>();
  private dropped = 0;
  private readonly maxBatch: number;
  private readonly maxQueue: number;
  private readonly maxTransientRetries: number;
  private readonly retryDelayMs: number;
  private readonly minIntervalMs: number;

  constructor(
    private readonly commits: GroupCommitter,
    private readonly store: EventLogStore,
    private readonly log: Logger,
    options: EventLogWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxQueue = options.maxQueue ?? 100_000;
    this.maxTransientRetries = options.maxTransientRetries ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 100);
  }

  /** Subscribes to the bus; returns the function that unsubscribes. */
  attach(bus: EventBus): () => void {
    return bus.subscribe((event) => this.enqueue(event));
  }

  enqueue(event: DomainEvent): void {
    if (this.queue.length >= this.maxQueue) {
      // Logged at powers of two so that a long outage does not turn into a log flood.
      this.dropped += 1;
      if ((this.dropped & (this.dropped - 1)) === 0) this.log.error({ dropped: this.dropped, eventType: event.type }, 'event log queue full: events dropped');
      return;
    }
    this.queue.push(event);
    this.schedule();
  }

  onPersist(hook: PersistHook): void {
    this.hooks.push(hook);
  }

  /** Returns the function that unsubscribes. */
  subscribe(consumer: EventConsumer): () => void {
    this.consumers.add(consumer);
    return () => this.consumers.delete(consumer);
  }

  /** Resolves once every event queued so far is stored (or given up) and fanned out; does not wait for the interval. */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.running) {
      this.start();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    // At least one event-loop turn of events goes into one insert; more when the last write started
    // less than minIntervalMs ago.
    const wait = this.lastStartAt + this.minIntervalMs - performance.now();
    this.timer = wait > 0 ? setTimeout(() => this.fire(), wait) : setImmediate(() => this.fire());
  }

  private fire(): void {
    this.timer = null;
    this.start();
  }

  private start(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = null;
    }
    if (this.running || this.queue.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async drain(): Promise<void> {
    do {
      this.lastStartAt = performance.now();
      await this.persist(this.queue.splice(0, this.maxBatch), 0);
      // A backlog of full batches is written without waiting: waiting would not make them larger.
    } while (this.queue.length >= this.maxBatch);
  }

  private async persist(batch: DomainEvent[], retry: number): Promise<void> {
    let stored: PersistedEvent[];
    try {
      stored = await this.commits.run(async (tx) => {
        const events = await this.store.append(tx, batch);
        for (const hook of this.hooks) await hook(tx, events);
        return events;
      });
    } catch (error) {
      if (isDataError(error)) {
        // One bad event (an unknown tenant, data that is not JSON) must not cost its batch mates.
        if (batch.length === 1) this.log.error({ err: error, eventType: batch[0]!.type, tenantId: batch[0]!.tenantId }, 'event not stored: dropped');
        else for (const event of batch) await this.persist([event], retry);
        return;
      }
      if (retry >= this.maxTransientRetries) {
        this.log.error({ err: error, events: batch.length }, 'event log unavailable: events dropped');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      return this.persist(batch, retry + 1);
    }
    for (const event of stored) {
      for (const consumer of this.consumers) {
        try {
          consumer(event);
        } catch (error) {
          this.log.error({ err: error, eventType: event.type }, 'event consumer failed');
        }
      }
    }
  }
}

/** Failures caused by the events themselves (retrying the same data cannot help). */
function isDataError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof TypeError) return true; // JSON.stringify of a BigInt or a cycle
  }
  const code = pgErrorCode(error);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}
