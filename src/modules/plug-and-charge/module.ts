// Builds Plug & Charge from its configuration: trusted roots, the OCSP client and, when a URL is
// configured, the HTTP contract certificate provider.
import type { Logger } from 'pino';
import { HttpContractCertificateProvider } from './contract-certificate-provider.js';
import { OcspClient } from './pki/ocsp-client.js';
import { TrustStore } from './pki/trust-store.js';
import { PlugAndChargeService } from './plug-and-charge-service.js';

export type PlugAndChargeConfig = {
  trustedRoots: string[];
  contractCertificateProviderUrl?: string | undefined;
  ocspTimeoutSeconds: number;
  providerTimeoutSeconds: number;
};

export function createPlugAndCharge(config: PlugAndChargeConfig, log: Logger): PlugAndChargeService {
  const trust = new TrustStore(config.trustedRoots);
  const provider = config.contractCertificateProviderUrl
    ? new HttpContractCertificateProvider(config.contractCertificateProviderUrl, config.providerTimeoutSeconds * 1000)
    : undefined;
  return new PlugAndChargeService(trust, new OcspClient(trust, { timeoutMs: config.ocspTimeoutSeconds * 1000 }), provider, log.child({ module: 'plug-and-charge' }));
}
