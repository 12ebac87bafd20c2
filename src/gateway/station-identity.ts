/**
 * Reading who a connecting station claims to be: the last path segment of
 * `/ocpp/<stationId>` and, for security profiles 1 and 2, HTTP Basic credentials.
 */

/** OCPP 2.0.1 identity: at most 48 characters; ':' would break Basic auth, '/' the path. */
const STATION_ID_PATTERN = /^[A-Za-z0-9*\-_=+|@.]{1,48}$/;

export function isValidStationId(id: string): boolean {
  return STATION_ID_PATTERN.test(id);
}

/** Returns the station id of an OCPP endpoint path, or undefined when the path is not one. */
export function stationIdFromPath(pathname: string, prefix = '/ocpp/'): string | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length).replace(/\/+$/, '');
  if (rest.length === 0 || rest.includes('/')) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  return isValidStationId(id) ? id : undefined;
}

export type BasicCredentials = { username: string; password: string };

export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
