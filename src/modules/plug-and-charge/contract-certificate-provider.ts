// The port to a contract certificate provider (the CPS / PKI platform that answers ISO 15118-2
// CertificateInstallationReq / CertificateUpdateReq EXI messages) and its HTTP adapter.
export type ContractCertificateRequest = {
  tenantId: string;
  stationId: string;
  iso15118SchemaVersion: string;
  action: 'Install' | 'Update';
  /** Base64 EXI from the EV, forwarded untouched. */
  exiRequest: string;
};

export type ContractCertificateAnswer =
  | { status: 'Accepted'; exiResponse: string }
  | { status: 'Failed'; reason: string; exiResponse?: string };

export interface ContractCertificateProvider {
  request(request: ContractCertificateRequest): Promise<ContractCertificateAnswer>;
}

/**
 * POSTs `{ stationId, iso15118SchemaVersion, action, exiRequest }` as JSON to the configured URL
 * and expects `{ status: 'Accepted' | 'Failed', exiResponse?, reason? }`. The EXI is never decoded
 * here: the provider signs and encrypts for the EV, the CSMS only carries it (ADR 042).
 */
export class HttpContractCertificateProvider implements ContractCertificateProvider {
  constructor(private readonly url: string, private readonly timeoutMs: number, private readonly headers: Record<string, string> = {}) {}

  async request(request: ContractCertificateRequest): Promise<ContractCertificateAnswer> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...this.headers },
        body: JSON.stringify({
          stationId: request.stationId, iso15118SchemaVersion: request.iso15118SchemaVersion, action: request.action, exiRequest: request.exiRequest,
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { status: 'Failed', reason: `provider unreachable: ${(error as Error).message}` };
    }
    const body = await response.json().catch(() => null) as { status?: unknown; exiResponse?: unknown; reason?: unknown } | null;
    if (!response.ok || !body) return { status: 'Failed', reason: `provider answered HTTP ${response.status}` };
    if (body.status === 'Accepted' && typeof body.exiResponse === 'string' && body.exiResponse.length > 0) return { status: 'Accepted', exiResponse: body.exiResponse };
    return {
      status: 'Failed',
      reason: typeof body.reason === 'string' ? body.reason : 'provider refused',
      ...(typeof body.exiResponse === 'string' ? { exiResponse: body.exiResponse } : {}),
    };
  }
}
