// Summarises a .heapprofile written by BENCH_ALLOCATIONS (src/bench/allocations.ts): bytes allocated
// per function (self) and per nearest project function (itself and the libraries it calls).
//   npx tsx src/bench/allocation-summary.ts <file>.heapprofile [top]
import { readFileSync } from 'node:fs';

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { callFrame: Frame; selfSize: number; children: Node[] };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: allocation-summary.ts <file>.heapprofile [top]');
const top = Number(topArg ?? 30);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: Node };

const where = (f: Frame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
const isProject = (f: Frame) => f.url.includes('/src/') && !f.url.includes('node_modules');
const self = new Map<string, number>();
const nearest = new Map<string, number>();
let total = 0;
const walk = (node: Node, project: string | null) => {
  const here = isProject(node.callFrame) ? where(node.callFrame) : project;
  if (node.selfSize > 0) {
    total += node.selfSize;
    const key = where(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    const owner = here ?? '(outside project code)';
    nearest.set(owner, (nearest.get(owner) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here);
};
walk(head, null);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}:`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(bytes / 2 ** 20).toFixed(1).padStart(9)} MiB ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`total ${(total / 2 ** 20).toFixed(1)} MiB sampled`);
print('by function (self)', self);
print('by nearest project function', nearest);
