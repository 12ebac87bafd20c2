// The declared EVSE/connector layout of stations (Drizzle; PGlite and node-postgres alike).
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { connectors } from '../../infra/db/schema.js';
import type { ConnectorDefinition } from './domain/station.js';

export interface ConnectorLayoutStore {
  /** Replaces the whole layout of one station (in the caller's transaction). */
  replace(ex: Executor, tenantId: string, stationId: string, layout: ConnectorDefinition[]): Promise<void>;
  list(ex: Executor, tenantId: string, stationId: string): Promise<ConnectorDefinition[]>;
}

export function createConnectorLayoutStore(): ConnectorLayoutStore {
  const ofStation = (tenantId: string, stationId: string) =>
    and(eq(connectors.tenantId, tenantId), eq(connectors.stationId, stationId));
  return {
    async replace(ex, tenantId, stationId, layout) {
      await ex.delete(connectors).where(ofStation(tenantId, stationId));
      if (layout.length === 0) return;
      await ex.insert(connectors).values(layout.map((connector) => ({ tenantId, stationId, ...connector })));
    },
    async list(ex, tenantId, stationId) {
      const rows = await ex.select().from(connectors).where(ofStation(tenantId, stationId))
        .orderBy(asc(connectors.evseId), asc(connectors.connectorId));
      return rows.map(({ evseId, connectorId, type, maxPowerW, phases }) => ({ evseId, connectorId, type, maxPowerW, phases }));
    },
  };
}
