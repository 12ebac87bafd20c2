// Builds Plug & Charge from its configuration: trusted roots, the OCSP and CRL clients (both
// caching verified answers until their nextUpdate, ADR 076) and, when a URL is configured, the
// HTTP contract certificate provider.
import type { Logger } from 'pino';
import { HttpContractCertificateProvider } from './contract-certificate-provider.js';
import { CrlClient } from './pki/crl-client.js';
import { OcspClient } from './pki/ocsp-client.js';
import { TrustStore } from './pki/trust-store.js';
import { PlugAndChargeService } from './plug-and-charge-service.js';

export type PlugAndChargeConfig = {
  trustedRoots: string[];
  contractCertificateProviderUrl?: string | undefined;
  ocspTimeoutSeconds: number;
  providerTimeoutSeconds: number;
};

/** Certificates whose OCSP answer is kept (a few hundred bytes each: contracts and their sub-CAs). */
const OCSP_CACHE_ENTRIES = 20_000;

export function createPlugAndCharge(config: PlugAndChargeConfig, log: Logger): PlugAndChargeService {
  const trust = new TrustStore(config.trustedRoots);
  const provider = config.contractCertificateProviderUrl
    ? new HttpContractCertificateProvider(config.contractCertificateProviderUrl, config.providerTimeoutSeconds * 1000)
    : undefined;
  const timeoutMs = config.ocspTimeoutSeconds * 1000;
  const ocsp = new OcspClient(trust, { timeoutMs, cacheEntries: OCSP_CACHE_ENTRIES });
  return new PlugAndChargeService(trust, ocsp, provider, log.child({ module: 'plug-and-charge' }), new CrlClient({ timeoutMs }));
}
