import { Type, type Static } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { PLAYBOOK_ACTIONS, Playbook } from './domain/playbook.js';
import type { PlaybookService } from './service.js';
import type { PlaybookRun } from './store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


const Trigger = Type.Object({
  rules: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 20, description: 'Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule' }),
  codes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 100, description: 'The alert\'s fault code (e.g. GroundFailure, CX017); empty: any' })),
  severities: Type.Optional(Type.Array(Type.Union([Type.Literal('critical'), Type.Literal('major'), Type.Literal('minor'), Type.Literal('info')]), { maxItems: 4 })),
  delaySeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400, description: 'Wait after the alert before the first step; a fault that clears meanwhile is left alone' })),
}, { additionalProperties: false });
const Step = Type.Object({
  action: Type.Union([
    Type.Literal('trigger-status'), Type.Literal('soft-reset'), Type.Literal('hard-reset'), Type.Literal('unlock'),
    Type.Literal('clear-transaction'), Type.Literal('set-inoperative'), Type.Literal('work-order'),
  ]),
  waitSeconds: Type.Integer({ minimum: 0, maximum: 86_400, description: 'Wait after the action, then check whether the incident cleared' }),
}, { additionalProperties: false });
const Editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  enabled: Type.Boolean(),
  trigger: Trigger,
  steps: Type.Array(Step, { minItems: 1, maxItems: 20, description: 'In escalation order; work-order, if any, last' }),
  allowDuringSession: Type.Boolean({ description: 'false (default): a reset, unlock or transaction stop is skipped while a car charges' }),
  cooldownSeconds: Type.Integer({ minimum: 0, maximum: 604_800 }),
  maxAttempts: Type.Integer({ minimum: 1, maximum: 100, description: 'Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order' }),
  attemptWindowSeconds: Type.Integer({ minimum: 0, maximum: 2_592_000 }),
  priority: Type.Integer({ minimum: 0, maximum: 1000, description: 'Lower first when several playbooks match' }),
};
const CreateBody = Type.Object({
  name: Editable.name, trigger: Editable.trigger, steps: Editable.steps,
  ...Type.Partial(Type.Object({
    enabled: Editable.enabled, allowDuringSession: Editable.allowDuringSession, cooldownSeconds: Editable.cooldownSeconds,
    maxAttempts: Editable.maxAttempts, attemptWindowSeconds: Editable.attemptWindowSeconds, priority: Editable.priority,
  })).properties,
}, { additionalProperties: false });
const UpdateBody = Type.Partial(Type.Object(Editable), { additionalProperties: false, minProperties: 1 });

const PlaybookSchema = Type.Object({
  id: Type.String(), ...Editable,
  seedKey: Nullable(Type.String({ description: 'The default playbook this one was seeded from' })),
  createdAt: DateTime, updatedAt: DateTime,
});
const StepRecord = Type.Object({
  index: Type.Integer(), action: Type.String(), startedAt: DateTime, commandId: Nullable(Type.String()),
  outcome: Type.String({ description: 'accepted | rejected | failed | no-answer | skipped-session | skipped-no-session | skipped-not-applicable | work-order-opened' }),
  detail: Nullable(Type.String()), cleared: Nullable(Type.Boolean()), checkedAt: Nullable(DateTime),
});
const RunSchema = Type.Object({
  id: Type.String(), playbookId: Type.String(), incidentId: Type.String(), stationId: Type.String(), evseId: Nullable(Type.Integer()), connectorId: Nullable(Type.Integer()),
  rule: Type.String(), status: Type.String({ description: 'running | resolved | work-order | gave-up | skipped | failed | interrupted' }), reason: Nullable(Type.String()),
  steps: Type.Array(StepRecord), workOrderId: Nullable(Type.String()), startedAt: DateTime, finishedAt: Nullable(DateTime),
});
const StatsSchema = Type.Object({
  from: DateTime, to: DateTime,
  runs: Type.Integer(), incidents: Type.Integer({ description: 'Incidents a playbook was asked to heal' }),
  handled: Type.Integer({ description: 'Of those, the ones a playbook acted on (not skipped by cooldown)' }),
  resolvedByAutomation: Type.Integer(), workOrders: Type.Integer(), gaveUp: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  resolvedWithoutPersonShare: Nullable(Type.Number({ description: 'resolvedByAutomation / handled; null when none was handled' })),
});

const view = (p: Playbook) => {
  const { tenantId: _t, ...rest } = p;
  return { ...rest, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
};
const runView = (r: PlaybookRun) => {
  const { tenantId: _t, ...rest } = r;
  return { ...rest, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null };
};

export function registerPlaybookRoutes(app: ApiApp, deps: { playbooks: PlaybookService; defaultTenant: string }): void {
  const { playbooks } = deps;
  const tags = ['playbooks'];
  const read = { permission: 'health:read' as const };
  const write = { permission: 'health:write' as const };
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);
  const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get('/api/v1/playbooks', {
    config: read,
    schema: {
      tags, summary: 'Self-healing playbooks (the defaults are seeded on first use)',
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), cursor: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ items: Type.Array(PlaybookSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await playbooks.list(tenant(request), request.query);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/playbooks', {
    config: write,
    schema: { tags, summary: 'Create a playbook', body: CreateBody, response: { 201: PlaybookSchema } },
  }, async (request, reply) => reply.code(201).send(view(await playbooks.create(tenant(request), request.body))));

  app.get('/api/v1/playbooks/runs', {
    config: read,
    schema: {
      tags, summary: 'Playbook runs, newest first, with every step, command id and outcome',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()),
        stationId: Type.Optional(Type.String({ maxLength: 48 })), incidentId: Type.Optional(Type.String({ maxLength: 64 })),
        playbookId: Type.Optional(Type.String({ maxLength: 64 })), status: Type.Optional(Type.String({ maxLength: 20 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(RunSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await playbooks.runs(tenant(request), request.query);
    return { items: page.items.map(runView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/playbooks/stats', {
    config: read,
    schema: {
      tags, summary: 'Share of incidents resolved without a person, from the playbook runs started in [from, to)',
      querystring: Type.Object({ from: DateTime, to: DateTime }),
      response: { 200: StatsSchema },
    },
  }, async (request) => {
    const stats = await playbooks.stats(tenant(request), new Date(request.query.from), new Date(request.query.to));
    return { ...stats, from: stats.from.toISOString(), to: stats.to.toISOString() };
  });

  app.get('/api/v1/playbooks/:id', {
    config: read,
    schema: { tags, summary: 'A playbook', params: Params, response: { 200: PlaybookSchema } },
  }, async (request) => view(await playbooks.get(tenant(request), request.params.id)));

  app.patch('/api/v1/playbooks/:id', {
    config: write,
    schema: { tags, summary: 'Change a playbook (re-validated whole; If-Match supported)', params: Params, body: UpdateBody, response: { 200: PlaybookSchema } },
  }, async (request) => view(await playbooks.update(tenant(request), request.params.id, request.body)));

  app.delete('/api/v1/playbooks/:id', {
    config: write,
    schema: { tags, summary: 'Delete a playbook (a deleted default is not seeded again)', params: Params, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await playbooks.remove(tenant(request), request.params.id);
    return reply.code(204).send(null);
  });
}

// The step schema's literals and PLAYBOOK_ACTIONS must name the same actions (checked here: a
// `satisfies` on the literal array would widen it and make the static type never).
type SchemaAction = Static<typeof Step.properties.action>;
type PlaybookAction = (typeof PLAYBOOK_ACTIONS)[number];
type SameActions = [SchemaAction] extends [PlaybookAction] ? ([PlaybookAction] extends [SchemaAction] ? true : false) : false;
export const playbookActionsMatch: SameActions = true;
