/**
 * Runs the tasks of one station one after the other (tasks of different stations run in parallel),
 * and folds background requests that arrive while one is waiting into that one. close() waits for
 * everything in flight and refuses new work, so nothing touches the database after shutdown.
 */
export class PerStationQueue<Options, Result> {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, { request: { options: Options }; done: Promise<Result> }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly merge: (a: Options, b: Options) => Options) {}

  /** Queues `task` behind the station's running one; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('queue closed'));
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    this.inFlight.add(tail);
    void tail.then(() => {
      this.inFlight.delete(tail);
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /**
   * Queues a background task for the station unless one is already waiting to start, in which
   * case the options are merged into that one.
   */
  request(key: string, options: Options, task: (options: Options) => Promise<Result>): Promise<Result> {
    const queued = this.waiting.get(key);
    if (queued) {
      queued.request.options = this.merge(queued.request.options, options);
      return queued.done;
    }
    const request = { options };
    const done = this.run(key, () => {
      this.waiting.delete(key);
      return task(request.options);
    });
    if (!this.closed) this.waiting.set(key, { request, done });
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
