// Test support: an async function whose calls do their work and then wait at a gate until the test
// releases them, so a test can act while a read is "in flight" (an invalidation, an update, more
// callers) and then let it answer.
export type HeldCalls<A extends unknown[], R> = {
  /** The wrapped function: runs `fn`, then waits for `release()` before answering. */
  call: (...args: A) => Promise<R>;
  /** How many times `call` ran. */
  readonly calls: number;
  /** Settles once the first call's work is done (it is then waiting at the gate). */
  firstDone: Promise<void>;
  /** Lets every held call, and every later one, answer. */
  release: () => void;
};

export function heldCalls<A extends unknown[], R>(fn: (...args: A) => Promise<R>): HeldCalls<A, R> {
  let calls = 0;
  let markDone: () => void = () => {};
  const firstDone = new Promise<void>((resolve) => { markDone = resolve; });
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  return {
    call: async (...args: A) => {
      calls += 1;
      const value = await fn(...args);
      markDone();
      await gate;
      return value;
    },
    get calls() { return calls; },
    firstDone,
    release,
  };
}
