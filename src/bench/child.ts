// Benchmark child processes (server under test, baselines, load generators) and their IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCpuSeconds, readRssBytes } from './proc.js';

export type ChildMessage = { type: string; [key: string]: unknown };

/** Path of a sibling module as it exists on disk: `.ts` under tsx, `.js` once built. */
export function siblingModule(relative: string, base: string): { path: string; execArgv: string[] } {
  const typescript = base.endsWith('.ts');
  const path = fileURLToPath(new URL(typescript ? relative : relative.replace(/\.ts$/, '.js'), base));
  return { path, execArgv: typescript ? ['--import', 'tsx'] : [] };
}

export class BenchChild {
  private readonly waiting = new Map<string, Array<(message: ChildMessage) => void>>();
  private exited = false;
  private readonly exit: Promise<number | null>;

  private constructor(readonly name: string, private readonly child: ChildProcess) {
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.type === 'failed') {
        // A command failed in the child: whoever waits for an answer learns it now.
        for (const handlers of this.waiting.values()) for (const handler of handlers.splice(0)) handler(message);
        return;
      }
      const handlers = this.waiting.get(message.type);
      const next = handlers?.shift();
      if (next) next(message);
    });
    this.exit = new Promise((resolve) => child.once('exit', (code) => {
      this.exited = true;
      for (const handlers of this.waiting.values()) for (const handler of handlers.splice(0)) handler({ type: 'exited', code });
      resolve(code);
    }));
  }

  /**
   * Forks `module` (a path from siblingModule) with `--expose-gc` so memory can be measured after a
   * collection; its stdout/stderr go to `logFile` (or are discarded). Resolves on its 'ready' message.
   */
  static async start(name: string, module: { path: string; execArgv: string[] }, env: Record<string, string>, logFile?: string, extraExecArgv: string[] = []): Promise<{ child: BenchChild; ready: ChildMessage }> {
    const out = logFile ? openSync(logFile, 'a') : 'ignore';
    const child = fork(module.path, [], {
      execArgv: [...module.execArgv, '--expose-gc', ...extraExecArgv],
      env: { ...process.env, ...env },
      stdio: ['ignore', out, out, 'ipc'],
    });
    if (typeof out === 'number') closeSync(out);
    const bench = new BenchChild(name, child);
    const ready = await bench.next('ready', 120_000);
    return { child: bench, ready };
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no pid`);
    return this.child.pid;
  }

  rssBytes(): number {
    return readRssBytes(this.pid);
  }

  cpuSeconds(): number {
    return readCpuSeconds(this.pid);
  }

  send(message: ChildMessage): void {
    this.child.send(message);
  }

  /** Waits for the next message of `type`; fails when the child exits or after `timeoutMs`. */
  next(type: string, timeoutMs: number): Promise<ChildMessage> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      const handlers = this.waiting.get(type) ?? [];
      handlers.push((message) => {
        clearTimeout(timer);
        if (message.type === 'exited') reject(new Error(`${this.name} exited (code ${String(message['code'])}) before '${type}'`));
        else if (message.type === 'failed') reject(new Error(`${this.name}: ${String(message['error'])}`));
        else resolve(message);
      });
      this.waiting.set(type, handlers);
    });
  }

  async request(message: ChildMessage, replyType: string, timeoutMs: number): Promise<ChildMessage> {
    const reply = this.next(replyType, timeoutMs);
    this.send(message);
    return reply;
  }

  /** Asks the child to stop; kills it when it does not exit within `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.exited) return;
    try {
      this.send({ type: 'stop' });
    } catch {
      // IPC already closed: the child is on its way out.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}
