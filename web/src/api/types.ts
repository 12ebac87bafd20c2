import type { paths } from './schema.js';

/** The JSON body of a 200 answer of `path` with `method`, from the generated OpenAPI types. */
export type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> =
  paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Station = Ok<'/api/v1/stations', 'get'>['items'][number];
export type StationDetail = Ok<'/api/v1/stations/{id}', 'get'>;
export type Session = Ok<'/api/v1/sessions', 'get'>['items'][number];
export type SessionDetail = Ok<'/api/v1/sessions/{id}', 'get'>;
export type NetworkSummary = Ok<'/api/v1/network-summary', 'get'>;
export type SiteSummary = NetworkSummary['sites'][number];
export type ConnectorCounts = NetworkSummary['connectors'];
