import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from './config/config-schema.js';
import { openDatabase, migrateDatabase, type DatabaseOptions } from './infra/db/database.js';
import { GroupCommitter } from './infra/db/group-commit.js';
import { BatchedLookup } from './infra/db/batched-lookup.js';
import { createLogger } from './infra/logger.js';
import { createHttpServer } from './api/http-server.js';
import { registerAuthentication, tenantOf, type ApiRoute } from './api/authentication.js';
import { registerRateLimit } from './api/rate-limit.js';
import { registerIdempotency } from './api/idempotency.js';
import { registerEtags } from './api/etag.js';
import { createIdentityModule } from './modules/identity/module.js';
import { registerAuthRoutes } from './modules/identity/http-auth.js';
import { registerUserRoutes } from './modules/identity/http-users.js';
import { registerApiKeyRoutes } from './modules/api-keys/http.js';
import { registerStaticWeb } from './api/static-web.js';
import { ConnectionRegistry } from './gateway/live-station.js';
import { LocalStationChannel, type StationChannel } from './gateway/station-channel.js';
import { OcppGateway } from './gateway/ocpp-gateway.js';
import { StationLinkLifecycle } from './gateway/station-lifecycle.js';
import { RegistryLinkControl } from './gateway/live-link-control.js';
import { createStationStore } from './modules/stations/store.js';
import { createConnectorLayoutStore } from './modules/stations/connector-layout-store.js';
import { StationService } from './modules/stations/service.js';
import { StationCommandService } from './modules/commands/command-service.js';
import { createCommandLogStore } from './modules/commands/command-log-store.js';
import { registerCommandRoutes } from './modules/commands/http.js';
import { RemoteControlService } from './modules/remote-control/service.js';
import { FinalOutcomeTracker } from './modules/remote-control/final-outcome-tracker.js';
import { createSessionRefLookup } from './modules/remote-control/session-ref-store.js';
import { registerRemoteControlRoutes } from './modules/remote-control/http.js';
import { ReservationService } from './modules/reservations/service.js';
import { createReservationStore } from './modules/reservations/store.js';
import { registerReservationRoutes } from './modules/reservations/http.js';
import { TariffService } from './modules/tariffs/service.js';
import { createTariffStore } from './modules/tariffs/store.js';
import { registerTariffRoutes } from './modules/tariffs/http.js';
import { CdrService } from './modules/billing/cdr-service.js';
import { createCdrStore } from './modules/billing/cdr-store.js';
import { registerCdrRoutes } from './modules/billing/http.js';
import { invalidateOnTariffChanges, RunningCostNotifier } from './modules/billing/running-cost.js';
import { createInvoicing } from './modules/invoicing/module.js'; // invoicing (issue 8)
import { createPayments } from './modules/payments/module.js'; // ad-hoc payments (issue 8)
import { createAuthorizationModule } from './modules/authorization/module.js';
import { registerAuthorizationRoutes } from './modules/authorization/http.js';
import { createPlugAndCharge } from './modules/plug-and-charge/module.js';
import { createActiveSessionLookup } from './modules/sessions/active-session-lookup.js';
import { SessionService } from './modules/sessions/service.js';
import { createSessionStore } from './modules/sessions/store.js';
import { SessionQueryService } from './modules/sessions/query-service.js';
import { createSessionQueryStore } from './modules/sessions/query-store.js';
import { registerSessionRoutes } from './modules/sessions/http.js';
import { registerStationRoutes } from './modules/stations/http.js';
import { createApiKeyStore } from './modules/api-keys/store.js';
import { ApiKeyService } from './modules/api-keys/service.js';
import { VERSION } from './version.js';
import { EventBus } from './infra/events/event-bus.js';
import type { Executor } from './infra/db/database.js';
import { createEventStream } from './modules/events/event-stream.js';
import { registerEventStreamRoutes } from './modules/events/http.js';
import { createWebhooks } from './modules/webhooks/webhooks.js';
import { registerWebhookRoutes } from './modules/webhooks/http.js';
import { AuditLog } from './modules/audit/audit-log.js';
import { createAuditStore } from './modules/audit/audit-store.js';
import { registerAuditHook } from './modules/audit/audit-hook.js';
import { registerAuditRoutes } from './modules/audit/http.js';
import { auditSystemCommands } from './modules/audit/system-commands.js';
import { TenantService } from './modules/tenants/service.js';
import { createTenantStore } from './modules/tenants/store.js';
import { registerTenantRoutes } from './modules/tenants/http.js';
import { registerTenantScope } from './modules/tenants/scope-hook.js';
import { SiteService } from './modules/sites/service.js';
import { createSiteStore } from './modules/sites/store.js';
import { registerSiteRoutes } from './modules/sites/http.js';
// Smart charging (issue 7)
import { LoadBalancer } from './modules/smart-charging/load-balancer.js';
import { SmartChargingService } from './modules/smart-charging/service.js';
import { createSmartChargingStore } from './modules/smart-charging/store.js';
import { registerSmartChargingRoutes } from './modules/smart-charging/http.js';
// Network health: detection (issue 6)
import { createHealthModule, type HealthModule } from './modules/health/module.js';
import { registerHealthRoutes } from './modules/health/http.js';
// Network health: knowledge base and playbooks (issue 6)
import { createKnowledgeBase } from './modules/knowledge-base/module.js';
import { createPlaybooks } from './modules/playbooks/module.js';
// Dashboard (issue 5): aggregate counts for the network overview
import { registerNetworkSummary } from './modules/network-summary/http.js';
// Network health: maintenance and reliability (issue 6)
import { createMaintenanceModule } from './modules/maintenance/module.js';
import { registerMaintenanceRoutes } from './modules/maintenance/http.js';
import { ReliabilityService } from './modules/reliability/service.js';
import { createReliabilityStore } from './modules/reliability/store.js';
import { registerReliabilityRoutes } from './modules/reliability/http.js';

export type RunningChargeOps = {
  port: number;
  baseUrl: string;
  /** Set only on the start that generated the bootstrap key: it is shown once. */
  generatedApiKey: string | null;
  /** Set only on the start that created the first platform admin; password only when generated (shown once). */
  createdAdmin: { email: string; password: string | null } | null;
  /** Every /api/v1 route with the permission it requires (null: none, a bug). */
  apiRoutes: readonly ApiRoute[];
  channel: StationChannel;
  events: EventBus;
  /** The database, for tests that arrange data the API does not create (e.g. a second tenant). */
  db: Executor;
  log: Logger;
  /** The OpenAPI document of the REST API as served at /api/docs/json. */
  openApiDocument(): unknown;
  /** Every route Fastify registered (method + URL pattern), for the route-coverage tests. */
  registeredRoutes(): Array<{ method: string; url: string }>;
  /** Network health: detection (issue 6); tests move its clock and run its sweep. */
  health: HealthModule;
  /** Network health: self-healing playbooks (issue 6); tests read their runner. */
  playbooks: ReturnType<typeof createPlaybooks>;
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Overrides where the data lives (tests use an in-memory PGlite). */
  database?: DatabaseOptions;
  log?: Logger;
  /** false: build everything but do not listen (scripts/generate-client.ts reads the OpenAPI document). */
  listen?: boolean;
  /** Smart charging's clock (the accelerated site-day simulation); default: real time. */
  smartChargingNow?: () => Date;
};

/** The composition root: the only place that reads configuration into adapters and wires them. */
export async function startChargeOps(config: Config, options: StartOptions = {}): Promise<RunningChargeOps> {
  const log = options.log ?? createLogger(config.logLevel);
  const nodeId = config.nodeId ?? `${hostname()}-${process.pid}`;
  const database = await openDatabase(options.database ?? { url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  // PGlite has one connection: one transaction at a time. PostgreSQL overlaps two batches over the
  // pool: one's COMMIT (WAL flush) hides behind the other's statements; more only made the batches
  // smaller, i.e. more statements per station (ADR 073). PGlite runs its batches in this thread:
  // after each one the event loop gets as long again (up to 25 ms) to take in connections and
  // messages, so batches grow with the load instead of holding one station each (ADR 099).
  const commits = new GroupCommitter(database.db, database.kind === 'postgres'
    ? { maxInFlight: 2 }
    : { maxInFlight: 1, gather: { ratio: 1, maxMs: 25 } });
  // Batched hot-path reads: one in flight, so the next one gathers every lookup made meanwhile (ADR 058, 073).
  BatchedLookup.defaultMaxInFlight = 1;
  const events = new EventBus((error, event) => log.error({ err: error, eventType: event.type }, 'event subscriber failed'));
  // Attached first: every event published from here on is stored, streamed and webhooked.
  const eventStream = createEventStream(database.db, commits, events, log.child({ module: 'events' }), {
    heartbeatMs: config.events.heartbeatSeconds * 1000, maxReplay: config.events.maxReplay,
  });
  const webhooks = createWebhooks(database.db, commits, eventStream, events, config.webhooks, `ChargeOps-Webhooks/${VERSION}`, log.child({ module: 'webhooks' }));
  const audit = new AuditLog(database.db, commits, createAuditStore(), log.child({ module: 'audit' }));

  const stations = new StationService(database.db, commits, createStationStore(), createConnectorLayoutStore(), {
    unknownStations: config.unknownStations,
    defaultTenant: config.defaultTenant,
    heartbeatIntervalSeconds: config.ocpp.heartbeatIntervalSeconds,
    bootRetryIntervalSeconds: config.ocpp.bootRetryIntervalSeconds,
    nodeId,
    shedQueueDepth: config.ocpp.shedQueueDepth,
    shedRetrySeconds: config.ocpp.shedRetrySeconds as [number, number],
    // The embedded database has one writer, this process: admissions can be answered from memory (ADR 072).
    cacheAdmissions: database.kind === 'pglite',
  }, events, log.child({ module: 'stations' }));
  const apiKeys = new ApiKeyService(database.db, createApiKeyStore());
  const bootstrap = await apiKeys.ensureBootstrapKey(config.apiKey);
  let publicBaseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const identity = createIdentityModule(database.db, { ...config, publicUrl: () => publicBaseUrl }, log.child({ module: 'identity' }));
  const createdAdmin = await identity.users.ensureFirstAdmin(config.adminEmail, config.adminPassword);
  const recovered = await stations.recoverAfterRestart();
  if (recovered > 0) log.info({ stations: recovered }, 'stations left online by an unclean stop marked offline');

  const registry = new ConnectionRegistry();
  const channel = new LocalStationChannel(registry);
  const commands = new StationCommandService(database.db, commits, createCommandLogStore(), stations, channel, events);
  auditSystemCommands(events, (tenantId, commandId) => commands.get(tenantId, commandId), audit, log.child({ module: 'audit' }));
  const finalOutcomes = new FinalOutcomeTracker(async (commandId, final) => {
    await commands.recordFinal(commandId, final).catch((error: unknown) => log.error({ err: error, commandId }, 'recording final outcome failed'));
  }, events, { startMs: config.remoteStartTimeoutSeconds * 1000, stopMs: config.remoteStartTimeoutSeconds * 1000 });
  events.subscribe((event) => finalOutcomes.observe(event));
  // Smart charging (issue 7): a remote start on a load-balanced EVSE carries the site's TxProfile (bound late).
  const remote = new RemoteControlService(database.db, commands, createSessionRefLookup(database.db), finalOutcomes, { startProfileFor: (...args) => loadBalancer.startProfileFor(...args) });
  const reservations = new ReservationService(database.db, commits, createReservationStore(), commands, events, log.child({ module: 'reservations' }));
  events.subscribe((event) => {
    reservations.observe(event).catch((error: unknown) => log.error({ err: error }, 'linking a reservation to its session failed'));
  });
  reservations.startExpirySweep(config.reservationSweepSeconds * 1000);
  const authorization = createAuthorizationModule({
    db: database.db, commits, stations, commands, presence: channel, sessions: createActiveSessionLookup(database.db), events, log, defaultTenant: config.defaultTenant,
  });
  const sessions = new SessionService(database.db, commits, createSessionStore(), authorization.authorizer, events, log.child({ module: 'sessions' }), {
    futureToleranceMs: config.stationClockToleranceSeconds * 1000,
    staleAfterMs: config.sessionStaleHours * 3_600_000,
  });
  sessions.startStaleSweep(config.sessionSweepMinutes * 60_000);
  events.subscribe((event) => {
    if (event.type === 'station.disconnected' && event.stationId) sessions.forgetStation(event.stationId);
  });
  // Smart charging (issue 7): sites re-allocated on session and station events, TxProfiles through the command path.
  const smartChargingStore = createSmartChargingStore();
  // A station drawing above its limit raises an alert in network health (bound late: health is built below).
  const loadBalancer = new LoadBalancer(database.db, smartChargingStore, commands, events, log.child({ module: 'smart-charging' }), options.smartChargingNow, {
    raise: async (tenantId, stationId, evseId, details) => {
      await health.incidents.raise(tenantId, stationId, { key: `ev-overdraw:${evseId}`, rule: 'ev-overdraw' as never, severity: 'major', evseId, connectorId: null, code: 'DrawAboveLimit', detectedAt: new Date(), details }, null);
    },
    clear: async (tenantId, stationId, evseId) => { await health.incidents.clear(tenantId, stationId, `ev-overdraw:${evseId}`); },
  });
  events.subscribe((event) => loadBalancer.observe(event));
  await loadBalancer.start();
  const gateway = new OcppGateway(registry, new StationLinkLifecycle(stations, { stations, reservations, authorization: authorization.authorizer, sessions, smartCharging: loadBalancer,
    plugAndCharge: createPlugAndCharge(config.plugAndCharge, log), // ISO 15118 (issue 3)
    // billing (issue 8, TC_I_02): final total cost in the 2.x Ended answer (cdrs is created below; called only later)
    costs: { finalTotalCost: (tenantId: string, sessionId: string) => cdrs.finalTotalCost(tenantId, sessionId) } }, log), {
    maxFrameBytes: config.ocpp.maxFrameBytes,
    pingIntervalMs: config.ocpp.pingIntervalSeconds * 1000,
    callTimeoutMs: config.ocpp.callTimeoutSeconds * 1000,
    maxQueuedCalls: config.ocpp.maxQueuedCalls,
  }, log.child({ component: 'gateway' }));

  let stopping = false;
  const app = await createHttpServer({
    log,
    version: VERSION,
    readiness: async () => {
      const checks: Record<string, string> = { shutdown: stopping ? 'in-progress' : 'no' };
      try {
        await database.db.execute(sql`select 1`);
        checks['database'] = 'ok';
      } catch {
        checks['database'] = 'unreachable';
      }
      return { ready: !stopping && checks['database'] === 'ok', checks };
    },
  });
  registerRateLimit(app, { db: database.db, limits: config.rateLimits, log: log.child({ module: 'rate-limit' }) }); // shared by the nodes (ADR 037)
  const authentication = registerAuthentication(app, { keys: apiKeys, sessions: identity.auth, siteScope: identity.siteScope });
  const tenants = new TenantService(database.db, createTenantStore());
  registerTenantScope(app, tenants);
  registerIdempotency(app, { db: database.db, tenantOf: (request) => tenantOf(request, config.defaultTenant) });
  registerEtags(app);
  const sites = new SiteService(database.db, createSiteStore(), events);
  registerAuditHook(app, audit, config.defaultTenant);
  await registerStaticWeb(app, VERSION);
  registerStationRoutes(app, {
    stations,
    defaultTenant: config.defaultTenant,
    links: new RegistryLinkControl(registry, channel, log),
    sites,
  });
  registerCommandRoutes(app, { commands, defaultTenant: config.defaultTenant });
  registerRemoteControlRoutes(app, { remote, defaultTenant: config.defaultTenant });
  registerReservationRoutes(app, { reservations, defaultTenant: config.defaultTenant });
  const tariffs = new TariffService(database.db, createTariffStore());
  registerTariffRoutes(app, { tariffs, defaultTenant: config.defaultTenant });
  // CDR party when a tariff names none: ZZ is the ISO 3166 user-assigned code (no real country).
  const cdrs = new CdrService(database.db, createCdrStore(), tariffs, { countryCode: 'ZZ', partyId: 'CHO' }, log.child({ module: 'cdrs' }));
  events.subscribe((event) => cdrs.observe(event));
  const runningCost = new RunningCostNotifier(cdrs, commands, log.child({ module: 'running-cost' }));
  events.subscribe((event) => runningCost.observe(event));
  invalidateOnTariffChanges(app, runningCost);
  registerCdrRoutes(app, { cdrs, defaultTenant: config.defaultTenant });
  // CDRs under way, and the ended sessions waiting to be confirmed without a tariff (ADR 093), before the database closes.
  app.addHook('onClose', async () => cdrs.idle());
  // invoicing (issue 8): invoices, statements, credit notes, PDF, email, finance exports
  const invoices = createInvoicing(app, { db: database.db, mailer: identity.mailer, defaultTenant: config.defaultTenant, publicUrl: () => publicBaseUrl });
  // ad-hoc payments (issue 8): provider port, settlement at session end, the driver's /pay pages
  createPayments(app, {
    db: database.db, invoices, tariffs, cdrs, tokens: authorization.routes.tokens, remote, subscribe: (listener) => events.subscribe(listener),
    publicUrl: () => publicBaseUrl, defaultTenant: config.defaultTenant, log: log.child({ module: 'payments' }), settings: config.payments, audit,
  });
  registerEventStreamRoutes(app, { hub: eventStream.hub, defaultTenant: config.defaultTenant });
  registerWebhookRoutes(app, { webhooks: webhooks.service, defaultTenant: config.defaultTenant });
  registerAuditRoutes(app, { audit, defaultTenant: config.defaultTenant });
  registerAuthorizationRoutes(app, authorization.routes);
  registerSessionRoutes(app, { queries: new SessionQueryService(database.db, createSessionQueryStore()), defaultTenant: config.defaultTenant });
  registerTenantRoutes(app, { tenants });
  registerAuthRoutes(app, { db: database.db, ...identity, defaultTenant: config.defaultTenant });
  registerUserRoutes(app, { users: identity.users, defaultTenant: config.defaultTenant });
  registerApiKeyRoutes(app, { keys: apiKeys, defaultTenant: config.defaultTenant });
  registerSiteRoutes(app, { sites, defaultTenant: config.defaultTenant });
  // Network health: maintenance and reliability (issue 6). A work order opened for an incident moves
  // it to technician-dispatched through DETECT's IncidentService (bound late: health is built below).
  const maintenance = createMaintenanceModule(database.db, events, log.child({ module: 'maintenance' }), {
    incidents: { get: (tenantId, id) => health.incidents.get(tenantId, id), transition: (tenantId, id, to, actor, note) => health.incidents.transition(tenantId, id, to, actor, note) },
  });
  maintenance.start();
  registerMaintenanceRoutes(app, { ...maintenance, defaultTenant: config.defaultTenant });
  registerReliabilityRoutes(app, { reliability: new ReliabilityService(database.db, createReliabilityStore(), maintenance.windows), defaultTenant: config.defaultTenant });
  // Smart charging (issue 7): site energy configuration, signals, live allocation, profile library.
  const siteExists = async (tenantId: string, siteId: string) => (await createSiteStore().get(database.db, tenantId, siteId)) !== null;
  registerSmartChargingRoutes(app, { smartCharging: new SmartChargingService(database.db, smartChargingStore, loadBalancer, commands, events, siteExists), defaultTenant: config.defaultTenant });
  // Network health: knowledge base (issue 6), built before detection, which explains faults with it.
  const knowledgeBase = createKnowledgeBase({ db: database.db, events, log: log.child({ module: 'knowledge-base' }) });
  // Network health: detection (issue 6): alerts, incidents, SLA clocks, notifications. The knowledge
  // base explains fault codes; maintenance windows hold alerts.
  const health = createHealthModule(database.db, commits, events, {
    heartbeatIntervalSeconds: config.ocpp.heartbeatIntervalSeconds, mailer: identity.mailer, dashboardUrl: () => publicBaseUrl,
    sweepMs: config.healthSweepSeconds * 1000,
    explainer: knowledgeBase.service, // network health: knowledge base (issue 6)
    maintenance: maintenance.windows, // network health: maintenance windows hold alerts (issue 6)
  }, log.child({ module: 'health' }));
  registerHealthRoutes(app, { incidents: health.incidents, settings: health.settings, store: health.store, db: database.db, defaultTenant: config.defaultTenant });
  await health.start();
  registerNetworkSummary(app, { db: database.db, defaultTenant: config.defaultTenant }); // dashboard (issue 5)
  // Network health: knowledge base and playbooks (issue 6). A playbook's last step opens a work order
  // through the maintenance module.
  knowledgeBase.registerRoutes(app, config.defaultTenant);
  app.addHook('onClose', async () => knowledgeBase.close());
  const playbooks = createPlaybooks({ db: database.db, events, remote, audit, incidents: health.incidents, workOrders: maintenance.workOrders, log: log.child({ module: 'playbooks' }) });
  await playbooks.start();
  playbooks.registerRoutes(app, config.defaultTenant);
  app.addHook('onClose', async () => playbooks.close());
  gateway.attach(app.server);
  if (options.listen === false) await app.ready();
  else await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const baseUrl = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  publicBaseUrl = baseUrl;

  return {
    port,
    baseUrl,
    generatedApiKey: bootstrap?.secret ?? null,
    createdAdmin,
    apiRoutes: authentication.routes,
    channel,
    events,
    db: database.db,
    log,
    openApiDocument: () => app.swagger(),
    registeredRoutes: () => app.registeredRoutes(),
    health,
    playbooks,
    async stop() {
      if (stopping) return;
      stopping = true;
      log.info('shutting down');
      await gateway.shutdown(config.shutdownGraceSeconds * 1000);
      finalOutcomes.close();
      reservations.stop();
      await authorization.close();
      sessions.stopStaleSweep();
      await loadBalancer.stop(); // smart charging
      await health.stop(); // network health: detection
      await webhooks.dispatcher.stop();
      await app.close();
      await maintenance.stop(); // network health: maintenance
      identity.close();
      // Events published during shutdown (disconnects, last answers) are stored before the committer closes.
      await eventStream.writer.flush();
      await commits.close();
      await database.close();
      log.info('stopped');
    },
  };
}
