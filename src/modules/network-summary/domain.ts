// The state buckets the overview counts, and how a connector's last status falls into one.
// The dashboard applies the same rule to live events (web/src/live/network-counts.ts).

export const CONNECTOR_BUCKETS = ['available', 'charging', 'occupied', 'reserved', 'faulted', 'unavailable', 'other'] as const;
export type ConnectorBucket = (typeof CONNECTOR_BUCKETS)[number];
export type ConnectorCounts = Record<ConnectorBucket, number>;

export const emptyConnectorCounts = (): ConnectorCounts => ({ available: 0, charging: 0, occupied: 0, reserved: 0, faulted: 0, unavailable: 0, other: 0 });

/** Charging wins over the bare occupancy (a 1.6 "Charging" is Occupied + Charging); SuspendedEV/EVSE count as occupied. */
export function bucketOf(occupancy: string, chargingState: string | null): ConnectorBucket {
  if (chargingState === 'Charging') return 'charging';
  switch (occupancy) {
    case 'Available': return 'available';
    case 'Occupied': return 'occupied';
    case 'Reserved': return 'reserved';
    case 'Faulted': return 'faulted';
    case 'Unavailable': return 'unavailable';
    default: return 'other';
  }
}

/** UTC midnight of `now`: the default start of "today" when the caller names none. */
export function utcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
