import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Executor } from '../../infra/db/database.js';
import { ApiError } from '../../api/problem.js';
import { decodeIdCursor, encodeIdCursor } from '../../api/cursor.js';
import { healingStats, playbookProblems, type Playbook, type PlaybookFields } from './domain/playbook.js';
import type { PlaybookRun, PlaybookStore } from './store.js';

type DefaultPlaybook = PlaybookFields & { seedKey: string };
const DEFAULTS_FILE = new URL('./data/default-playbooks.json', import.meta.url);

/** The default playbooks (data/default-playbooks.json), each checked like an operator's. */
export function loadDefaultPlaybooks(): DefaultPlaybook[] {
  const file = JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8')) as { playbooks: Array<Omit<DefaultPlaybook, 'enabled'> & { enabled?: boolean }> };
  return file.playbooks.map((p) => {
    const playbook: DefaultPlaybook = { ...p, enabled: p.enabled ?? true };
    const problems = playbookProblems(playbook);
    if (problems.length > 0) throw new Error(`Default playbook ${p.seedKey}: ${problems.join('; ')}`);
    return playbook;
  });
}

export type PlaybookInput = Omit<PlaybookFields, 'enabled' | 'allowDuringSession' | 'cooldownSeconds' | 'maxAttempts' | 'attemptWindowSeconds' | 'priority'>
  & Partial<Pick<PlaybookFields, 'enabled' | 'allowDuringSession' | 'cooldownSeconds' | 'maxAttempts' | 'attemptWindowSeconds' | 'priority'>>;

/** Playbooks of a tenant (the defaults are seeded once, on first use) and the record of their runs. */
export class PlaybookService {
  private readonly seeded = new Set<string>();

  constructor(
    private readonly db: Executor,
    private readonly store: PlaybookStore,
    private readonly defaults: readonly DefaultPlaybook[] = loadDefaultPlaybooks(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every playbook of the tenant, seeding the defaults the first time a tenant is seen. */
  async forTenant(tenantId: string): Promise<Playbook[]> {
    await this.ensureSeeded(tenantId);
    return this.store.all(this.db, tenantId);
  }

  async list(tenantId: string, query: { limit: number; cursor?: string }): Promise<{ items: Playbook[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? null : decodeIdCursor(query.cursor);
    const all = (await this.forTenant(tenantId)).filter((p) => after === null || p.id > after);
    const items = all.slice(0, query.limit);
    return { items, nextCursor: all.length > query.limit ? encodeIdCursor(items[items.length - 1]!.id) : null };
  }

  async get(tenantId: string, id: string): Promise<Playbook> {
    await this.ensureSeeded(tenantId);
    const playbook = await this.store.get(this.db, tenantId, id);
    if (!playbook) throw new ApiError('playbook_not_found', `Playbook ${id} not found`);
    return playbook;
  }

  async create(tenantId: string, input: PlaybookInput): Promise<Playbook> {
    await this.ensureSeeded(tenantId);
    return this.store.insert(this.db, tenantId, `pb_${randomUUID()}`, checked(withDefaults(input)), null, this.now());
  }

  /** Changes a playbook; the whole resulting playbook is re-validated. */
  async update(tenantId: string, id: string, patch: Partial<PlaybookFields>): Promise<Playbook> {
    const current = await this.get(tenantId, id);
    const { id: _i, tenantId: _t, seedKey: _s, createdAt: _c, updatedAt: _u, ...fields } = current;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PlaybookFields>;
    const updated = await this.store.update(this.db, tenantId, id, checked({ ...fields, ...defined }), this.now());
    if (!updated) throw new ApiError('playbook_not_found', `Playbook ${id} not found`);
    return updated;
  }

  /** Deletes a playbook (a deleted default stays deleted: defaults are seeded once). */
  async remove(tenantId: string, id: string): Promise<void> {
    await this.get(tenantId, id);
    if (!(await this.store.delete(this.db, tenantId, id))) throw new ApiError('playbook_not_found', `Playbook ${id} not found`);
  }

  async runs(tenantId: string, query: { limit: number; cursor?: string; stationId?: string; incidentId?: string; playbookId?: string; status?: string }): Promise<{ items: PlaybookRun[]; nextCursor: string | null }> {
    const { cursor, ...filter } = query;
    const rows = await this.store.listRuns(this.db, tenantId, { ...filter, ...(cursor === undefined ? {} : { before: decodeIdCursor(cursor) }) });
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? encodeIdCursor(items[items.length - 1]!.id) : null };
  }

  async stats(tenantId: string, from: Date, to: Date) {
    if (!(from < to)) throw new ApiError('validation_failed', '`from` must be before `to`');
    return { from, to, ...healingStats(await this.store.runsBetween(this.db, tenantId, from, to)) };
  }

  private async ensureSeeded(tenantId: string): Promise<void> {
    if (this.seeded.has(tenantId)) return;
    await this.db.transaction(async (tx) => {
      if (!(await this.store.claimSeed(tx, tenantId, this.now()))) return;
      for (const { seedKey, ...fields } of this.defaults) await this.store.insert(tx, tenantId, `pb_${randomUUID()}`, fields, seedKey, this.now());
    });
    this.seeded.add(tenantId);
  }
}

function withDefaults(input: PlaybookInput): PlaybookFields {
  return {
    enabled: true, allowDuringSession: false, cooldownSeconds: 1800, maxAttempts: 3, attemptWindowSeconds: 86_400, priority: 100, ...input,
  };
}

function checked(fields: PlaybookFields): PlaybookFields {
  const problems = playbookProblems(fields);
  if (problems.length > 0) throw new ApiError('invalid_playbook', problems.join('; '), { problems });
  return fields;
}
