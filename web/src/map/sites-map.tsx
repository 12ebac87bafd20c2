import { useNavigate } from 'react-router';
import type { SiteSummary } from '../api/types.js';
import { LAND_PATH } from './land-path.js';

export type SitePoint = { id: string; name: string; lat: number; lon: number };
type MapSite = Pick<SiteSummary, 'id' | 'name' | 'latitude' | 'longitude'> & Partial<Pick<SiteSummary, 'stations' | 'online' | 'connectors'>>;

/** Equirectangular: x = lon + 180, y = 90 - lat, the base map's own coordinates. */
export const project = (lat: number, lon: number) => ({ x: lon + 180, y: 90 - lat });

/** The view: the sites' bounding box with a margin, at least 8° across; Europe when there are none. */
export function viewBoxOf(points: readonly SitePoint[]): string {
  if (points.length === 0) return '168 18 50 40';
  const xs = points.map((p) => p.lon + 180);
  const ys = points.map((p) => 90 - p.lat);
  const span = Math.max(8, Math.max(...xs) - Math.min(...xs), (Math.max(...ys) - Math.min(...ys)) * 1.25) * 1.2;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return `${(cx - span / 2).toFixed(2)} ${(cy - span * 0.4).toFixed(2)} ${span.toFixed(2)} ${(span * 0.8).toFixed(2)}`;
}

const describe = (s: MapSite) => s.stations === undefined ? s.name
  : `${s.name}: ${s.online ?? 0} of ${s.stations} stations online${s.connectors?.faulted ? `, ${s.connectors.faulted} faulted` : ''}${s.connectors?.charging ? `, ${s.connectors.charging} charging` : ''}`;

/**
 * Sites on a bundled land outline: no tiles, no map service, works without internet. Each site is
 * a link to its page (keyboard: Tab to a site, Enter to open) when `linked`.
 */
export function SitesMap({ sites, linked = true }: { sites: readonly MapSite[] | null; linked?: boolean }) {
  const navigate = useNavigate();
  const placed = (sites ?? []).filter((s): s is MapSite & { latitude: number; longitude: number } => s.latitude !== null && s.longitude !== null);
  const viewBox = viewBoxOf(placed.map((s) => ({ id: s.id, name: s.name, lat: s.latitude, lon: s.longitude })));
  const radius = Number(viewBox.split(' ')[2]) / 60;
  return (
    <figure className="map">
      {/* Linked dots are links: a role="img" would hide them from assistive technology (axe nested-interactive). */}
      <svg viewBox={viewBox} role={linked ? 'group' : 'img'} aria-label={`Map of ${placed.length} sites`} preserveAspectRatio="xMidYMid meet" data-testid="sites-map">
        <rect x="0" y="0" width="360" height="180" className="sea" />
        <path d={LAND_PATH} className="land" />
        {placed.map((s) => {
          const { x, y } = project(s.latitude, s.longitude);
          const tone = s.connectors?.faulted ? 'site site-faulted' : s.stations !== undefined && s.online === 0 && s.stations > 0 ? 'site site-offline' : 'site';
          const dot = <circle cx={x} cy={y} r={radius} className={tone}><title>{describe(s)}</title></circle>;
          if (!linked) return <g key={s.id}>{dot}</g>;
          const href = `/sites/${encodeURIComponent(s.id)}`;
          return (
            <a key={s.id} href={href} aria-label={describe(s)} onClick={(event) => { event.preventDefault(); void navigate(href); }}>{dot}</a>
          );
        })}
      </svg>
      <figcaption className="muted">
        {sites === null ? 'Loading sites…' : `${placed.length} site${placed.length === 1 ? '' : 's'} with coordinates${sites.length > placed.length ? ` (${sites.length - placed.length} without)` : ''}`}
      </figcaption>
    </figure>
  );
}
