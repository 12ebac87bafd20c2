/** A connector's status as operators read it: Charging wins over the bare occupancy. */
export type LiveStatus = { occupancy: string; chargingState: string | null; rawStatus: string; errorCode: string | null; info?: string | null; reportedAt: string };

export function displayStatus(status: LiveStatus | null | undefined): string {
  if (!status) return 'Unknown';
  if (status.chargingState === 'Charging') return 'Charging';
  if (status.chargingState === 'SuspendedEV' || status.chargingState === 'SuspendedEVSE') return status.chargingState;
  return status.occupancy;
}

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>{label ?? status}</span>;
}

export function OnlineBadge({ online }: { online: boolean }) {
  return <span className={`badge ${online ? 'badge-online' : 'badge-offline'}`}>{online ? 'Online' : 'Offline'}</span>;
}

export function formatWh(wh: string | number | null | undefined): string {
  if (wh === null || wh === undefined) return '–';
  const value = Number(wh);
  if (!Number.isFinite(value)) return String(wh);
  return value >= 1000 ? `${(value / 1000).toFixed(2)} kWh` : `${value.toFixed(0)} Wh`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
