import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { DomainError } from '../../shared/domain-error.js';
import { parseEventTypePatterns } from './event-types.js';
import type { SseHub } from './sse-hub.js';
import { scopedStationsOf } from '../identity/site-scope.js';

const eventId = (description: string) => Type.String({ pattern: '^[0-9]{1,18}$', description });

const DESCRIPTION = `Server-sent events (\`text/event-stream\`) of the tenant's domain events: station.*, session.*,
command.*, remote-start.*, reservation.*, token.*, webhook.* ...

Each message has \`id: <event id>\`, \`event: <type>\` and \`data: {"type", "tenantId", "stationId", "at", "data"}\`.
A comment line (\`: heartbeat\`) is sent every 15 s.

**Resuming**: send the last id received as the \`Last-Event-ID\` header (browsers' EventSource does it on
reconnect) or as \`?lastEventId=\`. The stored events after it are replayed in order, then live events
follow without gap or duplicate. At most 10,000 events are replayed per connection; when more are
waiting the stream ends after them, and reconnecting with the last id continues.

A client that does not read fast enough is disconnected; reconnect with Last-Event-ID.`;

export function registerEventStreamRoutes(app: ApiApp, deps: { hub: SseHub; defaultTenant: string }): void {
  // Open streams would keep Fastify's close waiting; end them when it begins.
  app.addHook('preClose', async () => deps.hub.close());

  app.get('/api/v1/events', {
    schema: {
      tags: ['events'],
      summary: 'Live stream of domain events (server-sent events), resumable',
      description: DESCRIPTION,
      querystring: Type.Object({
        types: Type.Optional(Type.String({ maxLength: 1000, description: 'Comma-separated event types or prefixes, e.g. station.*,session.ended (default: all)' })),
        stationId: Type.Optional(Type.String({ minLength: 1, maxLength: 48, description: 'Only the events of this station' })),
        lastEventId: Type.Optional(eventId('Resume after this event id (alternative to the Last-Event-ID header)')),
      }),
      headers: Type.Object({ 'last-event-id': Type.Optional(eventId('Resume after this event id')) }),
      response: {
        200: {
          description: 'An endless text/event-stream',
          content: { 'text/event-stream': { schema: Type.String({ description: 'id: 42\\nevent: station.connected\\ndata: {...}\\n\\n' }) } },
        },
      },
    },
  }, async (request, reply) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    const types = request.query.types === undefined ? null : parseEventTypePatterns(request.query.types.split(','), 'invalid_event_filter');
    if (types !== null && types.length === 0) throw new DomainError('invalid_event_filter', 'types names no event type');
    const resumeFrom = request.headers['last-event-id'] ?? request.query.lastEventId;
    // From here on the response is the stream: Fastify must not send a body of its own.
    reply.hijack();
    deps.hub.open(reply.raw, {
      tenantId,
      filter: { types, stationId: request.query.stationId ?? null, stationIds: scopedStationsOf(request) },
      lastEventId: resumeFrom === undefined ? null : BigInt(resumeFrom),
      remoteAddress: request.ip,
    });
  });
}
