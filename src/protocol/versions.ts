/** The OCPP-J subprotocols ChargeOps speaks, in order of preference when a station offers several. */
export const OCPP_VERSIONS = ['ocpp2.1', 'ocpp2.0.1', 'ocpp1.6'] as const;
export type OcppVersion = (typeof OCPP_VERSIONS)[number];

export function isOcppVersion(value: string): value is OcppVersion {
  return (OCPP_VERSIONS as readonly string[]).includes(value);
}

/** 2.0.1 and 2.1 share framing rules and most messages; 1.6 differs in error spellings and frames. */
export function isOcpp2x(version: OcppVersion): boolean {
  return version !== 'ocpp1.6';
}

/**
 * Picks the subprotocol for a connection from what the station offered.
 * Returns undefined when none is supported: the connection must then be refused (TC_B_58);
 * a missing subprotocol is never defaulted to a version.
 */
export function negotiateSubprotocol(offered: Iterable<string>): OcppVersion | undefined {
  const offeredSet = new Set(offered);
  return OCPP_VERSIONS.find((version) => offeredSet.has(version));
}
