import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { ApiApp } from './http-server.js';
import { registerLandingPage } from './landing-page.js';
import { problemFor, sendProblem } from './problem.js';

/** Paths the dashboard never owns: the API, its docs, the probes and the OCPP endpoint. */
const SERVER_PATHS = /^\/(api|ocpp|health|ready)(\/|$|\?)/;

/**
 * Serves the built dashboard (web/dist) at `/`: hashed assets cached for a year, index.html
 * never cached (so a new release is picked up on reload), and every other GET that is not
 * the API answered with index.html so that client routes (/stations/X) survive a reload.
 * Without a built dashboard (a server-only build) `/` keeps the landing page.
 */
export async function registerStaticWeb(app: ApiApp, version: string, root = findWebDist()): Promise<void> {
  if (!root) {
    registerLandingPage(app, version);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Routes for the files present at start-up only: the rest goes to the SPA fallback below.
    wildcard: false,
    index: false,
    schemaHide: true,
    setHeaders(reply, path) {
      const hashed = /[\\/]assets[\\/]/.test(path);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  // Public: a client route needs no credentials, and an unknown /api path must stay a 404 (not a
  // permission refusal for a route that has none).
  app.get('/*', { schema: { hide: true }, config: { permission: 'public' } }, async (request, reply) => {
    if (SERVER_PATHS.test(request.url)) return sendProblem(reply, problemFor('not_found', `No route ${request.method} ${request.url}`));
    return sendIndex(reply);
  });
}

/** web/dist next to the package root, from src/api (tsx) or dist/src/api (compiled). */
function findWebDist(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return null;
}
