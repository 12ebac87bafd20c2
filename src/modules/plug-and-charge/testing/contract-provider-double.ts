// A stand-in contract certificate provider as a real local HTTP service (the adapter's wire format:
// POST JSON { stationId, iso15118SchemaVersion, action, exiRequest } -> { status, exiResponse }).
// It answers an EXI request with a deterministic EXI response derived from it, so a test can tell
// that the bytes went through untouched both ways; a request whose bytes are "FAIL" is refused.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderRequest = { stationId: string; iso15118SchemaVersion: string; action: string; exiRequest: string };

/** What the double answers for an EXI request (base64 in, base64 out). */
export function expectedExiResponse(exiRequest: string): string {
  return Buffer.concat([Buffer.from('CertificateInstallationRes:'), createHash('sha256').update(Buffer.from(exiRequest, 'base64')).digest()]).toString('base64');
}

export class ContractProviderDouble {
  private server: Server | undefined;
  readonly received: ProviderRequest[] = [];

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('provider not started');
    return `http://127.0.0.1:${address.port}/v1/ev-certificates`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        let body: ProviderRequest;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ProviderRequest;
        } catch {
          response.writeHead(400).end();
          return;
        }
        this.received.push(body);
        const answer = Buffer.from(body.exiRequest, 'base64').toString('utf8') === 'FAIL'
          ? { status: 'Failed', reason: 'no contract for this EV' }
          : { status: 'Accepted', exiResponse: expectedExiResponse(body.exiRequest) };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
