// Builds the authorization capability from what main.ts injects: the services, the routes'
// dependencies and the subscription that serves stations as they connect.
import { TokenLocationService } from './token-locations.js';
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';
import { AuthorizationService } from './authorization-service.js';
import type { AuthorizationRoutesDeps } from './http.js';
import { LocalListService } from './local-list-service.js';
import { createLocalListStore } from './local-list-store.js';
import type { ActiveSessionLookup } from './ports.js';
import { StationAuthorizationService } from './station-authorization-service.js';
import { SettingsReads } from './settings-reads.js';
import { StationConnectionFollower } from './station-connections.js';
import type { StationCommands, StationDirectory, StationPresence } from './station-ports.js';
import { TokenCache } from './token-cache.js';
import { TokenService } from './token-service.js';
import { createTokenStore } from './token-store.js';

export type AuthorizationModuleDeps = {
  db: Executor;
  commits: GroupCommitter;
  stations: StationDirectory;
  commands: StationCommands;
  presence: StationPresence;
  sessions: ActiveSessionLookup;
  events: EventPublisher & { subscribe(subscriber: (event: DomainEvent) => void): () => void };
  log: Logger;
  defaultTenant: string;
};

export type AuthorizationModule = {
  /** The Authorizer (for OcppServices and other capabilities). */
  authorizer: AuthorizationService;
  routes: AuthorizationRoutesDeps;
  /** Stops following station connections and waits for syncs in flight. Call before closing the database. */
  close(): Promise<void>;
};

export function createAuthorizationModule(deps: AuthorizationModuleDeps): AuthorizationModule {
  const { db, commits, stations, commands, presence, events } = deps;
  const log = deps.log.child({ module: 'authorization' });
  const tokenStore = createTokenStore();
  const listStore = createLocalListStore();
  const lists = new LocalListService({ db, commits, lists: listStore, tokens: tokenStore, stations, commands, presence, events, log });
  const settings = new StationAuthorizationService(db, commits, listStore, stations, commands, presence, log);
  const follower = new StationConnectionFollower({ stations, settings, lists, settingsReads: new SettingsReads(db), log });
  const tokenCache = new TokenCache();
  const unsubscribe = events.subscribe((event) => {
    tokenCache.observe(event);
    follower.observe(event);
  });
  return {
    authorizer: new AuthorizationService(db, tokenStore, deps.sessions, tokenCache),
    routes: {
      tokens: new TokenService(db, commits, tokenStore, lists, events), locations: new TokenLocationService(db, commits, tokenStore, lists, events),
      settings, lists, defaultTenant: deps.defaultTenant,
    },
    async close() {
      unsubscribe();
      await follower.close();
      await lists.close();
    },
  };
}
