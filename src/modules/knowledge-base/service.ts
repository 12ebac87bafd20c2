import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import { ApiError } from '../../api/problem.js';
import { decodeIdCursor, encodeIdCursor } from '../../api/cursor.js';
import { bestMatch, fingerprint, hasFault, isUnknown } from './domain/match.js';
import { CODE_FIELDS, type FaultCode, type KbEntry, type KbExplanation } from './domain/types.js';
import type { EntryFields, KnowledgeBaseStore, TenantEntry, UnknownCode } from './store.js';

export type EntryQuery = {
  limit: number;
  cursor?: string;
  origin?: 'seed' | 'tenant';
  vendor?: string;
  errorCode?: string;
  vendorErrorCode?: string;
  component?: string;
  q?: string;
};
export type ListedEntry = KbEntry & { createdAt: Date | null; updatedAt: Date | null };

/** How long a tenant's entries are served from memory; writes on this node invalidate at once. */
const TENANT_CACHE_MS = 30_000;
/** One sighting per (tenant, code) within this window: DETECT's explain and the status subscriber see the same status. */
const SIGHTING_WINDOW_MS = 2_000;

/**
 * The error knowledge base: seed entries from data/*.json plus each tenant's own entries, which
 * extend and override them. `explain` is the ErrorExplainer DETECT enriches alerts with.
 */
export class KnowledgeBaseService {
  private readonly cache = new Map<string, { entries: TenantEntry[]; at: number }>();
  private readonly sightings = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly store: KnowledgeBaseStore,
    private readonly seed: readonly KbEntry[],
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The most specific entry for the fault (tenant entries first), or null. A fault whose code no
   * entry keys on is counted for the unknown-code ranking (with the station when the caller says;
   * not at all with `count: false`, for an operator's lookup).
   */
  async explain(tenantId: string, reported: FaultCode, seen: { stationId?: string; at?: Date; count?: boolean } = {}): Promise<KbExplanation | null> {
    const fault = { ...reported, vendorId: normalizeVendorId(reported.vendorId) };
    const match = bestMatch([...(await this.tenantEntries(tenantId)), ...this.seed], fault);
    if (seen.count !== false && isUnknown(fault, match)) {
      await this.countUnknown(tenantId, fault, seen.stationId ?? null, seen.at ?? this.now())
        .catch((error: unknown) => this.log.error({ err: error, tenantId }, 'counting an unknown fault code failed'));
    }
    if (match === null) return null;
    return {
      entryId: match.id, meaning: match.meaning, severity: match.severity, probableCause: match.probableCause,
      remoteAction: match.remoteAction, technicianInstructions: match.technicianInstructions, source: match.source,
    };
  }

  /** A fault as a station's StatusNotification reported it, with the device facts of its boot. */
  async faultFromStatus(tenantId: string, stationId: string, status: { errorCode?: unknown; vendorErrorCode?: unknown; info?: unknown }): Promise<FaultCode> {
    const device = await this.store.device(this.db, tenantId, stationId);
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    return {
      vendor: device?.vendor ?? null, model: device?.model ?? null, firmware: device?.firmware ?? null, ocppVersion: device?.ocppVersion ?? 'ocpp1.6',
      errorCode: text(status.errorCode), vendorId: vendorIdOf(text(status.info)), vendorErrorCode: text(status.vendorErrorCode),
      component: null, variable: null, eventCode: null,
    };
  }

  async list(tenantId: string, query: EntryQuery): Promise<{ items: ListedEntry[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? null : decodeIdCursor(query.cursor);
    const same = (a: string | null, b: string | undefined) => b === undefined || (a !== null && a.toLowerCase() === b.toLowerCase());
    const q = query.q?.toLowerCase();
    const all: ListedEntry[] = [
      ...(await this.tenantEntries(tenantId)),
      ...this.seed.map((entry) => ({ ...entry, createdAt: null, updatedAt: null })),
    ].filter((e) => (query.origin === undefined || e.origin === query.origin)
      && same(e.vendor, query.vendor) && same(e.errorCode, query.errorCode) && same(e.vendorErrorCode, query.vendorErrorCode) && same(e.component, query.component)
      && (q === undefined || `${e.id} ${e.meaning} ${e.probableCause}`.toLowerCase().includes(q)))
      .filter((e) => after === null || e.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const items = all.slice(0, query.limit);
    return { items, nextCursor: all.length > query.limit ? encodeIdCursor(items[items.length - 1]!.id) : null };
  }

  async get(tenantId: string, id: string): Promise<ListedEntry> {
    const seeded = this.seed.find((entry) => entry.id === id);
    if (seeded) return { ...seeded, createdAt: null, updatedAt: null };
    const entry = await this.store.get(this.db, tenantId, id);
    if (!entry) throw new ApiError('kb_entry_not_found', `Knowledge base entry ${id} not found`);
    return entry;
  }

  async create(tenantId: string, fields: EntryFields): Promise<TenantEntry> {
    const entry = await this.store.insert(this.db, tenantId, `kb_${randomUUID()}`, checkEntry(fields), this.now());
    this.cache.delete(tenantId);
    return entry;
  }

  /** Changes a tenant entry; the whole resulting entry is re-validated. Seed entries are read-only. */
  async update(tenantId: string, id: string, patch: Partial<EntryFields>): Promise<TenantEntry> {
    const current = await this.tenantEntry(tenantId, id);
    const { id: _i, origin: _o, createdAt: _c, updatedAt: _u, ...fields } = current;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<EntryFields>;
    const entry = await this.store.update(this.db, tenantId, id, checkEntry({ ...fields, ...defined }), this.now());
    if (!entry) throw new ApiError('kb_entry_not_found', `Knowledge base entry ${id} not found`);
    this.cache.delete(tenantId);
    return entry;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.tenantEntry(tenantId, id);
    if (!(await this.store.delete(this.db, tenantId, id))) throw new ApiError('kb_entry_not_found', `Knowledge base entry ${id} not found`);
    this.cache.delete(tenantId);
  }

  async unknownCodes(tenantId: string, query: { limit: number; cursor?: string; vendor?: string }): Promise<{ items: UnknownCode[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeRankCursor(query.cursor);
    const rows = await this.store.rankUnknown(this.db, tenantId, { limit: query.limit, ...(after ? { after } : {}), ...(query.vendor ? { vendor: query.vendor } : {}) });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeIdCursor(`${last.count}|${last.fingerprint}`) : null };
  }

  private async tenantEntry(tenantId: string, id: string): Promise<TenantEntry> {
    if (this.seed.some((entry) => entry.id === id)) {
      throw new ApiError('invalid_kb_entry', `${id} is a seed entry and cannot be changed: create a tenant entry with the same key to override it`);
    }
    const entry = await this.store.get(this.db, tenantId, id);
    if (!entry) throw new ApiError('kb_entry_not_found', `Knowledge base entry ${id} not found`);
    return entry;
  }

  private async tenantEntries(tenantId: string): Promise<TenantEntry[]> {
    const cached = this.cache.get(tenantId);
    if (cached && Date.now() - cached.at < TENANT_CACHE_MS) return cached.entries;
    const entries = await this.store.all(this.db, tenantId);
    this.cache.set(tenantId, { entries, at: Date.now() });
    return entries;
  }

  private async countUnknown(tenantId: string, fault: FaultCode, stationId: string | null, at: Date): Promise<void> {
    if (!hasFault(fault)) return;
    const print = fingerprint(fault);
    const key = `${tenantId}\n${print}`;
    const last = this.sightings.get(key);
    const fresh = last === undefined || at.getTime() - last > SIGHTING_WINDOW_MS;
    if (fresh) this.sightings.set(key, at.getTime());
    if (this.sightings.size > 10_000) this.sightings.clear();
    await this.store.countUnknown(this.db, tenantId, print, fault, stationId, at, fresh);
  }
}

/** 1.6 StatusNotification vendorId, which the stations module keeps as "vendorId: info" in info. */
export function vendorIdOf(info: string | null): string | null {
  if (info === null) return null;
  const match = /^(\S+?):(?:\s|$)/.exec(info);
  return match ? match[1]! : null;
}

/**
 * A vendorId as callers pass it: bare, or the stations module's "vendorId: info" text. Text with
 * spaces and no "vendorId:" prefix is an info text, not a vendorId (vendorIds are identifiers).
 */
export function normalizeVendorId(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const prefixed = vendorIdOf(value.trim());
  if (prefixed !== null) return prefixed;
  return /\s/.test(value.trim()) ? null : value.trim();
}

function checkEntry(fields: EntryFields): EntryFields {
  if (!CODE_FIELDS.some((field) => field !== 'vendorId' && fields[field] !== null)) {
    throw new ApiError('invalid_kb_entry', 'An entry keys on at least one code: errorCode, vendorErrorCode, component, variable or eventCode');
  }
  if ((fields.variable !== null) && fields.component === null) throw new ApiError('invalid_kb_entry', 'A variable needs its component');
  return fields;
}

function decodeRankCursor(cursor: string): { count: number; fingerprint: string } {
  const raw = decodeIdCursor(cursor);
  const bar = raw.indexOf('|');
  const count = Number(raw.slice(0, bar));
  if (bar < 1 || !Number.isInteger(count)) throw new ApiError('invalid_cursor', 'Invalid pagination cursor');
  return { count, fingerprint: raw.slice(bar + 1) };
}
