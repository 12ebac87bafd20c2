// Test helper: a local HTTP endpoint (127.0.0.1, free port) that records every request it gets and
// answers with the status the test chooses, e.g. to play a webhook consumer.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { once } from 'node:events';

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** Decides the status of each answer; the argument is the request's index (0-based). */
  respond: (index: number, request: ReceivedRequest) => number = () => 200;

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<HttpReceiver> {
    let receiver: HttpReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const index = receiver!.requests.push(request) - 1;
        const status = receiver!.respond(index, request);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? `answer ${status}` : 'ok');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    receiver = new HttpReceiver(server, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`);
    return receiver;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
