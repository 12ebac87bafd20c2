/**
 * Generates web/src/map/land-path.ts: the world's land outline as one SVG path in a plain
 * equirectangular projection (x = longitude + 180, y = 90 - latitude, viewBox 0 0 360 180), from
 * world-atlas's land-110m TopoJSON (Natural Earth, public domain; world-atlas is ISC). The
 * dashboard draws site coordinates on it without any map service or internet access.
 *
 *   npx tsx scripts/generate-client-basemap.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Topology = {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: { land: { geometries: Array<{ type: string; arcs: number[][][] | number[][] }> } };
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'web', 'src', 'map', 'land-path.ts');
const topology = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/land-110m.json'), 'utf8')) as Topology;

// TopoJSON arcs are delta-encoded quantized positions: undo both.
const { scale, translate } = topology.transform;
const arcs = topology.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as [number, number]; });
});
const ringOf = (indexes: number[]) => indexes.flatMap((index, i) => {
  const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
  return i === 0 ? arc : arc.slice(1);
});
const rings: Array<Array<[number, number]>> = [];
for (const geometry of topology.objects.land.geometries) {
  const polygons = (geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs) as number[][][];
  for (const polygon of polygons) for (const ring of polygon) rings.push(ringOf(ring));
}
const round = (n: number) => Math.round(n * 10) / 10;
// A ring that crosses the antimeridian (Chukotka, Fiji) would draw a line across the whole map:
// the jump starts a new subpath instead.
const path = rings.map((ring) => ring.map(([lon, lat], i) => {
  const jump = i > 0 && Math.abs(lon - ring[i - 1]![0]) > 180;
  return `${i === 0 || jump ? 'M' : 'L'}${round(lon + 180)} ${round(90 - lat)}`;
}).join('') + 'Z').join('');
const content = `// GENERATED FILE, DO NOT EDIT. Run \`npx tsx scripts/generate-client-basemap.ts\` to regenerate.
// Land outline from world-atlas land-110m (Natural Earth, public domain), equirectangular, viewBox 0 0 360 180.
export const LAND_PATH =\n  '${path}';\n`;

if (process.argv.includes('--check')) {
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== content) {
    console.error('web/src/map/land-path.ts is out of date: run npx tsx scripts/generate-client-basemap.ts');
    process.exit(1);
  }
} else writeFileSync(OUT, content);
