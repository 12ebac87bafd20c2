import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { handleError, problemCatalog, problemFor, sendProblem } from './problem.js';
import { requestValidatorCompiler } from './validator.js';

/** A route as Fastify registered it (one entry per method), for tests that must cover every route. */
export type RegisteredRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far, in registration order (Fastify's implicit HEAD twins included). */
    registeredRoutes(): RegisteredRoute[];
  }
}

export type ApiApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export type HttpServerOptions = {
  log: Logger;
  version: string;
  /** Reports whether the node can serve (database reachable, not shutting down). */
  readiness: () => Promise<{ ready: boolean; checks: Record<string, string> }>;
};

/**
 * The Fastify instance: OpenAPI document and explorer at /api/docs, health and readiness probes,
 * problem+json for every error. Modules add their routes; the OCPP gateway shares its server.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<ApiApp> {
  const app = Fastify({
    loggerInstance: options.log,
    // Per-request access logs are off: the API is not a hot path worth a log line per call.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(requestValidatorCompiler());

  // First hook of all, so that no route escapes it (the tenant-isolation suite enumerates these).
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', () => [...routes]);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ChargeOps API', version: options.version, description: 'Operator REST API of the ChargeOps CSMS' },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'API key' } },
        schemas: { Problem: problemSchema() },
      },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problemFor('not_found', `No route ${request.method} ${request.url}`)));

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const readiness = await options.readiness();
    return reply.code(readiness.ready ? 200 : 503).send({ status: readiness.ready ? 'ready' : 'not-ready', checks: readiness.checks });
  });
  return app as unknown as ApiApp;
}

/**
 * RFC 9457 problem details, with every stable `code` the API answers listed (enum) and its HTTP
 * status and title (`x-codes`): the registry in problem.ts is the single source.
 */
function problemSchema(): Record<string, unknown> {
  const catalog = problemCatalog();
  return {
    type: 'object',
    description: 'Every error is application/problem+json. Branch on `code` (stable, snake_case), never on title or detail.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      code: { type: 'string', enum: catalog.map((entry) => entry.code) },
      detail: { type: 'string' },
    },
    'x-codes': catalog.map(({ code, status, title }) => ({ code, status, title })),
  };
}
