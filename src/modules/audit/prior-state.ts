// Where the audit log reads a resource's state before a PATCH, PUT or DELETE changes it (ADR 036).
// By default: the GET route at the same path (`PATCH /api/v1/sites/:id` reads `GET /api/v1/sites/:id`).
// Writes whose resource is read elsewhere name the read here; `audit-prior-state.test.ts` fails for
// any update or delete route that resolves to no read, so a new route cannot skip `before`.

/**
 * `read`: a GET route with the same parameters. `list`: a list route whose item with `id` = the
 * route's param is the state. `nested`: a child resource with no read of its own, found in the
 * child lists (`:parent`) of every item of a parent list (tariff assignments: few per tenant).
 */
export type PriorRead = { read: string } | { list: string; param: string } | { nested: { parents: string; children: string; parentParam: string }; param: string };

export const PRIOR_READS: Record<string, PriorRead> = {
  'PUT /api/v1/stations/:id/evses': { read: '/api/v1/stations/:id' },
  'PUT /api/v1/stations/:id/authorization': { read: '/api/v1/stations/:id/authorization' },
  'PUT /api/v1/stations/:id/local-list': { read: '/api/v1/stations/:id/local-list' },
  'PUT /api/v1/tariffs/:id/schedule': { read: '/api/v1/tariffs/:id' },
  'DELETE /api/v1/users/invitations/:id': { list: '/api/v1/users/invitations', param: 'id' },
  'DELETE /api/v1/api-keys/:id': { list: '/api/v1/api-keys', param: 'id' },
  'DELETE /api/v1/tariffs/assignments/:id': { nested: { parents: '/api/v1/tariffs', children: '/api/v1/tariffs/:id/assignments', parentParam: 'id' }, param: 'id' },
  'DELETE /api/v1/smart-charging/profiles/:profileId': { list: '/api/v1/smart-charging/profiles', param: 'profileId' },
  'DELETE /api/v1/excluded-outages/:id': { list: '/api/v1/excluded-outages', param: 'id' },
  'PUT /api/v1/sites/:id/energy/readings': { read: '/api/v1/sites/:id/energy' },
  'DELETE /api/v1/sites/:id/energy/signals/:signalId': { list: '/api/v1/sites/:id/energy/signals', param: 'signalId' },
};

export const UPDATING = new Set(['PATCH', 'PUT', 'DELETE']);

/** How to read the state before `method route`, or null when no read is known (a gap the test reports). */
export function priorReadOf(method: string, route: string, getRoutes: ReadonlySet<string>): PriorRead | null {
  const declared = PRIOR_READS[`${method} ${route}`];
  if (declared) return readRoutesOf(declared).every((read) => getRoutes.has(read)) ? declared : null;
  return getRoutes.has(route) ? { read: route } : null;
}

function readRoutesOf(read: PriorRead): string[] {
  if ('read' in read) return [read.read];
  return 'list' in read ? [read.list] : [read.nested.parents, read.nested.children];
}

/** The items of a list answer (`{ items }`), [] for anything else. */
export function itemsOf(body: unknown): Array<Record<string, unknown>> {
  const items = typeof body === 'object' && body !== null ? (body as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
}

/** The list item whose id is `id`, or null. */
export function itemWithId(body: unknown, id: string | undefined): Record<string, unknown> | null {
  return itemsOf(body).find((item) => String(item['id']) === id) ?? null;
}
