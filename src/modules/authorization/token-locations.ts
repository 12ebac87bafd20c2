// Where a token may charge (C01 with places): a token limited to stations, or to EVSEs of a
// station, is NotAtThisLocation elsewhere (1.6: Invalid); a 2.x Authorize at its station names the
// EVSEs in idTokenInfo.evseId. The operator sets the whole list at once.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { idTokenLocations, stations } from '../../infra/db/schema.js';
import { DomainError } from '../../shared/domain-error.js';
import type { TokenLocation } from './domain/token.js';
import type { TokenStore } from './token-store.js';

const MAX_LOCATIONS = 1000;

export class TokenLocationService {
  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly tokens: TokenStore,
    /** Local lists carrying the token are re-synced: a token limited elsewhere leaves them. */
    private readonly lists?: { tokensChanged(tenantId: string, stationIds: string[]): void },
    /** token.locations-changed: the token cache of every node forgets the tenant's tokens. */
    private readonly events?: EventPublisher,
  ) {}

  async list(tenantId: string, tokenId: string): Promise<TokenLocation[]> {
    await this.existingToken(tenantId, tokenId);
    return this.db.select({ stationId: idTokenLocations.stationId, evseId: idTokenLocations.evseId }).from(idTokenLocations)
      .where(and(eq(idTokenLocations.tenantId, tenantId), eq(idTokenLocations.tokenId, tokenId)))
      .orderBy(asc(idTokenLocations.stationId), asc(idTokenLocations.evseId));
  }

  /** Replaces the token's places; an empty list makes it valid anywhere again. Nothing changes on an error. */
  async replace(tenantId: string, tokenId: string, locations: TokenLocation[]): Promise<TokenLocation[]> {
    if (locations.length > MAX_LOCATIONS) throw new DomainError('invalid_token', `At most ${MAX_LOCATIONS} locations per token`);
    const bad = locations.find((l) => !Number.isInteger(l.evseId) || l.evseId < 0);
    if (bad) throw new DomainError('invalid_token', `evseId must be 0 (the whole station) or an EVSE id, got ${bad.evseId}`);
    await this.existingToken(tenantId, tokenId);
    const stationIds = [...new Set(locations.map((l) => l.stationId))];
    if (stationIds.length > 0) {
      const found = await this.db.select({ id: stations.id }).from(stations).where(and(eq(stations.tenantId, tenantId), inArray(stations.id, stationIds)));
      const missing = stationIds.filter((id) => !found.some((row) => row.id === id));
      if (missing.length > 0) throw new DomainError('station_not_found', `Station ${missing.join(', ')} does not exist`);
    }
    // A whole-station entry covers its EVSEs: keep only that one, and no duplicates.
    const wholeStations = new Set(locations.filter((l) => l.evseId === 0).map((l) => l.stationId));
    const rows = new Map<string, TokenLocation>();
    for (const l of locations) {
      if (l.evseId > 0 && wholeStations.has(l.stationId)) continue;
      rows.set(`${l.stationId}\u0000${l.evseId}`, { stationId: l.stationId, evseId: l.evseId });
    }
    await this.commits.run(async (tx) => {
      await tx.delete(idTokenLocations).where(and(eq(idTokenLocations.tenantId, tenantId), eq(idTokenLocations.tokenId, tokenId)));
      if (rows.size > 0) await tx.insert(idTokenLocations).values([...rows.values()].map((l) => ({ tenantId, tokenId, ...l })));
    });
    this.events?.publish({ type: 'token.locations-changed', tenantId, at: new Date(), data: { tokenId, locations: rows.size } });
    this.lists?.tokensChanged(tenantId, await this.tokens.stationsCarrying(this.db, tenantId, [tokenId]));
    return this.list(tenantId, tokenId);
  }

  private async existingToken(tenantId: string, tokenId: string): Promise<void> {
    if (!(await this.tokens.get(this.db, tenantId, tokenId))) throw new DomainError('token_not_found', `Token ${tokenId} does not exist`);
  }
}
