// Tokens per tenant (C): CRUD, listing, CSV import/export. Changes reach the local lists of the
// stations that carry the token (LocalListChanges) and are published as domain events.
import type { Executor } from '../../infra/db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { DomainError } from '../../shared/domain-error.js';
import { formatTokenCsv, parseTokenCsv } from './domain/token-csv.js';
import { checkTokenFields, type Token, type TokenFields } from './domain/token.js';
import type { Page, TokenListQuery, TokenStore } from './token-store.js';

/** Told which stations carry changed tokens (implemented by LocalListService). */
export interface LocalListChanges {
  tokensChanged(tenantId: string, stationIds: string[]): void;
}

export type ImportSummary = { created: number; updated: number };

export class TokenService {
  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly tokens: TokenStore,
    private readonly lists: LocalListChanges,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(tenantId: string, query: TokenListQuery): Promise<Page<Token>> {
    return this.tokens.list(this.db, tenantId, query);
  }

  async get(tenantId: string, id: string): Promise<Token> {
    const token = await this.tokens.get(this.db, tenantId, id);
    if (!token) throw new DomainError('token_not_found', `Token ${id} does not exist`);
    return token;
  }

  async create(tenantId: string, fields: TokenFields): Promise<Token> {
    check(fields);
    await this.refuseTakenValue(tenantId, fields.idToken, null);
    const token = await this.writeUnique(() => this.commits.run((tx) => this.tokens.create(tx, tenantId, fields)), fields.idToken);
    this.publish('token.created', token);
    return token;
  }

  async update(tenantId: string, id: string, patch: Partial<TokenFields>): Promise<Token> {
    check(patch);
    const before = await this.get(tenantId, id);
    if (patch.idToken !== undefined) await this.refuseTakenValue(tenantId, patch.idToken, id);
    const token = await this.writeUnique(() => this.commits.run((tx) => this.tokens.update(tx, tenantId, id, patch)), patch.idToken ?? '');
    if (!token) throw new DomainError('token_not_found', `Token ${id} does not exist`);
    this.publish('token.updated', token);
    this.lists.tokensChanged(tenantId, await this.stationsAffected(tenantId, before));
    return token;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    const token = await this.get(tenantId, id);
    // Deleting the token takes it off every list (cascade): find the stations first.
    const stations = await this.stationsAffected(tenantId, token);
    const removed = await this.commits.run((tx) => this.tokens.delete(tx, tenantId, id));
    if (!removed) throw new DomainError('token_not_found', `Token ${id} does not exist`);
    this.publish('token.deleted', token);
    this.lists.tokensChanged(tenantId, stations);
  }

  /**
   * All or nothing: every row is checked first and any problem rejects the whole file, listing
   * the lines. Rows update the token with the same value (case-insensitively, keeping the stored
   * spelling) or create one. One `token.imported` event summarises the import.
   */
  async importCsv(tenantId: string, text: string): Promise<ImportSummary> {
    const { rows, problems } = parseTokenCsv(text);
    if (problems.length > 0) {
      throw new DomainError('invalid_csv', `${problems.length} line(s) have errors: nothing was imported`, { problems });
    }
    const existing = await this.tokens.findByValues(this.db, tenantId, rows.map((row) => row.token.idToken));
    const stored = new Map(existing.map((token) => [token.idToken.toLowerCase(), token.idToken]));
    const fields = rows.map(({ token }) => ({ ...token, idToken: stored.get(token.idToken.toLowerCase()) ?? token.idToken }));
    // Not through the group committer: a large import must not hold up the stations' writes.
    const ids = await this.db.transaction((tx) => this.tokens.upsertMany(tx, tenantId, fields));
    const updated = rows.filter(({ token }) => stored.has(token.idToken.toLowerCase())).length;
    const summary = { created: rows.length - updated, updated };
    this.events.publish({ type: 'token.imported', tenantId, at: this.now(), data: summary });
    this.lists.tokensChanged(tenantId, await this.tokens.stationsCarrying(this.db, tenantId, ids));
    return summary;
  }

  async exportCsv(tenantId: string): Promise<string> {
    return formatTokenCsv(await this.tokens.all(this.db, tenantId));
  }

  /** Stations carrying the token, or a member of the group it is (their entries name the group token's type). */
  private async stationsAffected(tenantId: string, token: Token): Promise<string[]> {
    const [own, group] = await Promise.all([
      this.tokens.stationsCarrying(this.db, tenantId, [token.id]),
      this.tokens.stationsCarryingGroup(this.db, tenantId, token.idToken),
    ]);
    return [...new Set([...own, ...group])];
  }

  /** Values are unique per tenant regardless of case (OCPP compares tokens case-insensitively). */
  private async refuseTakenValue(tenantId: string, value: string, exceptId: string | null): Promise<void> {
    const taken = (await this.tokens.findByValues(this.db, tenantId, [value])).find((token) => token.id !== exceptId);
    if (taken) throw new DomainError('token_exists', `Token value ${value} is already used by token ${taken.id}`, { tokenId: taken.id });
  }

  /** The unique index is the last word when two writers race; the tenant's foreign key on an unknown tenant. */
  private async writeUnique<T>(write: () => Promise<T>, value: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('token_exists', `Token value ${value} is already used`);
      if (isForeignKeyViolation(error)) throw new DomainError('tenant_not_found', 'The tenant does not exist');
      throw error;
    }
  }

  private publish(type: 'token.created' | 'token.updated' | 'token.deleted', token: Token): void {
    this.events.publish({ type, tenantId: token.tenantId, at: this.now(), data: { tokenId: token.id, idToken: token.idToken, type: token.type } });
  }
}

function check(fields: Partial<TokenFields>): void {
  const problems = checkTokenFields(fields);
  if (problems.length > 0) throw new DomainError('invalid_token', problems.join('; '), { problems });
}
