// IncidentService against real databases (PGlite, and PostgreSQL when CHARGEOPS_TEST_DATABASE_URL
// is set): alerts grouped by scope, auto-resolve, person acting, SLA breach once, list filters and
// pages, and tenant isolation of every read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { DatabaseHandle } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { tenants } from '../../infra/db/schema.js';
import { EventBus, type DomainEvent } from '../../infra/events/event-bus.js';
import type { Condition } from './domain/detect.js';
import { IncidentService } from './incident-service.js';
import { createHealthStore } from './store.js';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const condition = (rule: Condition['rule'], evseId: number | null, connectorId: number | null, severity: Condition['severity'] = 'major'): Condition => ({
  key: `${rule}:${evseId ?? 0}:${connectorId ?? 0}`, rule, severity, evseId, connectorId, code: null, detectedAt: new Date(T0), details: {},
});

for (const target of databaseTargets()) {
  describe(`incident service (${target.name})`, () => {
    let handle: DatabaseHandle;
    let commits: GroupCommitter;
    let service: IncidentService;
    let now = T0;
    const events: DomainEvent[] = [];
    const store = createHealthStore();

    before(async () => {
      handle = await target.open();
      await handle.db.insert(tenants).values({ id: 'other', name: 'Other' });
      commits = new GroupCommitter(handle.db, { maxInFlight: 1 });
      const bus = new EventBus();
      bus.subscribe((event) => events.push(event));
      service = new IncidentService(handle.db, commits, store, bus, () => new Date(now));
      void pino;
    });
    after(async () => {
      await commits.close();
      await handle.close();
    });

    it('alerts of one EVSE share an incident (severity rises), a station-wide alert opens its own, a repeated alert is a no-op', async () => {
      const a = await service.raise('default', 'CP-1', condition('unavailable', 1, 1, 'major'), null);
      const b = await service.raise('default', 'CP-1', condition('faulted', 1, 2, 'critical'), null);
      const again = await service.raise('default', 'CP-1', condition('faulted', 1, 2, 'critical'), null);
      const c = await service.raise('default', 'CP-1', condition('offline', null, null, 'critical'), null);
      assert.equal(a?.opened, true);
      assert.equal(b?.opened, false);
      assert.equal(b?.incident.id, a?.incident.id);
      assert.equal(b?.incident.severity, 'critical');
      assert.equal(again, null);
      assert.notEqual(c?.incident.id, a?.incident.id);
      assert.equal((await service.openFor('default', 'CP-1')).length, 2);
      assert.deepEqual(await service.openFor('other', 'CP-1'), [], 'another tenant sees nothing');
    });

    it('the incident auto-resolves when its last alert clears and nobody acted', async () => {
      const [evseIncident] = (await service.openFor('default', 'CP-1')).filter((i) => i.evseId === 1);
      await service.clear('default', 'CP-1', 'unavailable:1:1');
      assert.equal((await service.get('default', evseIncident!.id)).status, 'open', 'one alert is still active');
      await service.clear('default', 'CP-1', 'faulted:1:2');
      const resolved = await service.get('default', evseIncident!.id);
      assert.equal(resolved.status, 'auto-resolved');
      assert.equal(resolved.resolvedBy, 'automation');
      assert.ok(events.some((e) => e.type === 'incident.resolved' && e.data['incidentId'] === evseIncident!.id && e.data['status'] === 'auto-resolved'));
    });

    it('a playbook acting (system:) still allows auto-resolve; a person acting does not', async () => {
      const byPlaybook = (await service.raise('default', 'CP-2', condition('faulted', 1, 1), null))!.incident;
      await service.transition('default', byPlaybook.id, 'remote-troubleshooting', 'system:playbook:pb1');
      await service.clear('default', 'CP-2', 'faulted:1:1');
      assert.equal((await service.get('default', byPlaybook.id)).status, 'auto-resolved');

      const byPerson = (await service.raise('default', 'CP-2', condition('faulted', 1, 1), null))!.incident;
      assert.notEqual(byPerson.id, byPlaybook.id, 'a resolved incident is never reused');
      await service.transition('default', byPerson.id, 'acknowledged', 'user_1');
      await service.clear('default', 'CP-2', 'faulted:1:1');
      assert.equal((await service.get('default', byPerson.id)).status, 'acknowledged');
      await assert.rejects(service.transition('other', byPerson.id, 'resolved', 'user_2'), { code: 'incident_not_found' });
      await assert.rejects(service.transition('default', byPerson.id, 'open', 'user_1'), { code: 'invalid_transition' });
    });

    it('an SLA breach is recorded once', async () => {
      const incident = (await store.workingIncidents(handle.db)).find((i) => i.stationId === 'CP-1')!;
      now = T0 + 2 * 3_600_000;
      assert.equal(await service.recordSlaBreach(incident, 'detect', new Date(T0 + 3_600_000)), true);
      assert.equal(await service.recordSlaBreach(incident, 'detect', new Date(T0 + 3_600_000)), false);
      assert.deepEqual(Object.keys((await store.incident(handle.db, 'default', incident.id))!.slaBreaches), ['detect']);
      assert.equal(events.filter((e) => e.type === 'incident.sla-breached').length, 1);
    });

    it('lists newest first with filters and cursor pages', async () => {
      const all = await service.list('default', { limit: 10 });
      assert.equal(all.items.length, 4);
      assert.deepEqual(all.items.map((i) => i.id), [...all.items.map((i) => i.id)].sort().reverse());
      const first = await service.list('default', { limit: 3 });
      const second = await service.list('default', { limit: 3, cursor: first.nextCursor! });
      assert.deepEqual([...first.items, ...second.items].map((i) => i.id), all.items.map((i) => i.id));
      assert.equal(second.nextCursor, null);
      assert.deepEqual((await service.list('default', { limit: 10, status: ['auto-resolved'], stationId: 'CP-2' })).items.length, 1);
      assert.deepEqual((await service.list('default', { limit: 10, severity: 'critical' })).items.map((i) => i.rule), ['offline', 'unavailable']);
      assert.deepEqual((await service.list('other', { limit: 10 })).items, []);
    });
  });
}
