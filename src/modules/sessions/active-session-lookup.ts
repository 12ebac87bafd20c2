import type { Executor } from '../../infra/db/database.js';
import type { ActiveSessionLookup } from '../authorization/ports.js';
import { createSessionStore } from './store.js';

/**
 * The sessions module's ActiveSessionLookup for the authorization module (ConcurrentTx): a running
 * session with the token, or with a token of the group, whose token was accepted. Standalone, so
 * the Authorizer can be built before the SessionService that consumes it.
 */
export function createActiveSessionLookup(db: Executor): ActiveSessionLookup {
  const store = createSessionStore();
  return { hasActiveSession: (tenantId, idToken) => store.hasActiveSession(db, tenantId, idToken) };
}
