import { api, ok } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import { ProblemMessage } from '../components/problem-message.js';
import { useAsync } from '../components/use-async.js';
import { LAND_PATH } from './land-path.js';

export type SitePoint = { id: string; name: string; lat: number; lon: number };

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

/** Every site with coordinates (paged by 500); 'unavailable' on a server without the sites API. */
async function loadSites(): Promise<SitePoint[] | 'unavailable'> {
  const points: SitePoint[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await ok(api.GET('/api/v1/sites', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
      for (const s of page.items) {
        if (s.latitude !== null && s.longitude !== null) points.push({ id: s.id, name: s.name, lat: s.latitude, lon: s.longitude });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return points;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return 'unavailable';
    throw error;
  }
}

/** Sites on a bundled land outline: no tiles, no map service, works without internet. */
export function SitesMap() {
  const sites = useAsync(loadSites, []);
  if (sites.error) return <ProblemMessage error={sites.error} onRetry={sites.reload} />;
  const points = Array.isArray(sites.data) ? sites.data : [];
  const viewBox = viewBoxOf(points);
  const radius = Number(viewBox.split(' ')[2]) / 120;
  return (
    <figure className="map">
      <svg viewBox={viewBox} role="img" aria-label={`Map of ${points.length} sites`} preserveAspectRatio="xMidYMid meet">
        <rect x="0" y="0" width="360" height="180" className="sea" />
        <path d={LAND_PATH} className="land" />
        {points.map((p) => {
          const { x, y } = project(p.lat, p.lon);
          return <circle key={p.id} cx={x} cy={y} r={radius} className="site"><title>{p.name}</title></circle>;
        })}
      </svg>
      <figcaption className="muted">
        {sites.data === 'unavailable' ? 'The sites API is not available on this server yet.'
          : sites.loading ? 'Loading sites…' : `${points.length} site${points.length === 1 ? '' : 's'} with coordinates`}
      </figcaption>
    </figure>
  );
}
