// Summarises a V8 .cpuprofile (from `chargeops bench ... --profile`): self time by function and by
// package or source folder, so a slow path shows without opening DevTools.
//   npx tsx src/bench/profile-summary.ts bench/results/profiles/<file>.cpuprofile [top]
import { readFileSync } from 'node:fs';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** node_modules/<package> or the project folder (src/gateway, src/modules/stations...). */
function area(url: string): string {
  if (!url) return '(native / GC / idle)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  const project = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (project?.[1]) return project[1];
  if (url.startsWith('node:')) return url.split('/')[0]!;
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

export function summarizeProfile(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byProjectCaller = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byArea.set(area(frame.url), (byArea.get(area(frame.url)) ?? 0) + micros);
    const caller = projectCaller(byId, parentOf, id);
    if (caller) byProjectCaller.set(caller, (byProjectCaller.get(caller) ?? 0) + micros);
  }
  const table = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, micros]) => `${(micros / 1000).toFixed(0).padStart(8)} ms ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`).join('\n');
  return `total ${(total / 1e6).toFixed(2)} s sampled\n\nby area (self time):\n${table(byArea)}\n\nby function (self time):\n${table(byFunction)}`
    + `\n\nby nearest project function (self time of it and of the libraries it calls):\n${table(byProjectCaller)}`;
}

/** The closest frame of the project's own source at or above a sample: who caused the library or native time. */
function projectCaller(byId: Map<number, ProfileNode>, parentOf: Map<number, number>, id: number): string | null {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame?.url.includes('/src/') && !frame.url.includes('node_modules')) {
      return `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/src\//, 'src/')}:${frame.lineNumber + 1}`;
    }
  }
  return null;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('Usage: tsx src/bench/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, top ? Number(top) : 25));
}
