// Test helper: a server-sent events client over fetch (Node has no EventSource), which keeps every
// message and comment it receives so tests can wait for them.
export type SseMessage = { id: string | null; event: string | null; data: string };

export class SseReader {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  /** Resolves when the server ends the stream (or the reader is closed). */
  readonly ended: Promise<void>;
  private waiters: Array<() => void> = [];

  private constructor(readonly response: Response, private readonly controller: AbortController) {
    this.ended = this.pump();
  }

  /** Opens the stream; resolves once the response headers arrived (non-200 answers resolve too). */
  static async open(url: string, headers: Record<string, string>): Promise<SseReader> {
    const controller = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
    return new SseReader(response, controller);
  }

  get ids(): string[] {
    return this.messages.map((m) => m.id ?? '');
  }

  /** Resolves once `predicate` holds for what was received so far. */
  async waitUntil(predicate: (reader: SseReader) => boolean, timeoutMs = 5000, what = 'SSE condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`${what} not met in time (got ${this.messages.length} messages)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  waitForMessages(count: number, timeoutMs = 5000): Promise<void> {
    return this.waitUntil((r) => r.messages.length >= count, timeoutMs, `${count} messages`);
  }

  close(): void {
    this.controller.abort();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async pump(): Promise<void> {
    if (!this.response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of this.response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.notify();
      }
    } catch {
      // aborted by close()
    } finally {
      this.notify();
    }
  }

  private parseBlock(block: string): void {
    const message: SseMessage = { id: null, event: null, data: '' };
    let hasField = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') message.id = value;
      else if (field === 'event') message.event = value;
      else if (field === 'data') message.data = message.data ? `${message.data}\n${value}` : value;
      else continue;
      hasField = true;
    }
    if (hasField) this.messages.push(message);
  }
}
