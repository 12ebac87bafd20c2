import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { AuditQuery, AuditStore, NewAuditEntry } from './audit-store.js';

export type AuditRecord = Omit<NewAuditEntry, 'at' | 'remoteAddress' | 'before' | 'after' | 'details' | 'targetType' | 'targetId'>
  & Partial<Pick<NewAuditEntry, 'at' | 'remoteAddress' | 'before' | 'after' | 'details' | 'targetType' | 'targetId'>>;

export type SystemAction = {
  tenantId: string | null;
  /** The job, as in `requestedBy: 'system:<job>'`, e.g. reservation-expiry. */
  job: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: unknown;
};

/**
 * Who did what: API calls (recorded by the onResponse hook) and automated actions (services call
 * `recordSystemAction`). Recording never fails the caller: the action already happened, so a
 * failed audit write is logged, not thrown.
 */
export class AuditLog {
  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly store: AuditStore,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Resolves once the entry is stored (or its failure logged). */
  record(entry: AuditRecord): Promise<void> {
    const full: NewAuditEntry = {
      targetType: null, targetId: null, remoteAddress: null, before: null, after: null, details: null, at: this.now(), ...entry,
    };
    // Submitted synchronously, so that a shutdown's final flush of the committer includes it.
    return this.commits.run((tx) => this.store.insert(tx, full))
      .catch((error: unknown) => this.log.error({ err: error, action: full.action }, 'audit entry not stored'));
  }

  recordSystemAction(action: SystemAction): Promise<void> {
    return this.record({
      tenantId: action.tenantId, actorType: 'system', actorId: `system:${action.job}`, action: action.action,
      targetType: action.targetType ?? null, targetId: action.targetId ?? null, details: action.details ?? null,
    });
  }

  list(tenantId: string, query: AuditQuery) {
    return this.store.list(this.db, tenantId, query);
  }
}
