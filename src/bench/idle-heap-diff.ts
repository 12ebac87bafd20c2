// What an idle station costs on the JS heap, object by object: compares the two heap snapshots that
// `bench idle --profile` writes (before and after the stations connect) and prints, per station,
//  - the self size of the objects new in the second snapshot, by V8 type and constructor name;
//  - who holds them: each new object is charged to the first holder on its retainer chain that
//    already existed before or has a class name (the map of a module, a ws socket, RpcConnection).
// Usage: NODE_OPTIONS=--max-old-space-size=8000 npx tsx src/bench/idle-heap-diff.ts <before> <after> <stations> [rows]
import { readFileSync } from 'node:fs';

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

/** Holders that are plumbing, not owners: the search goes on past them. */
const PLUMBING = /^(object:Object|object:Array|array:|object:system|closure:|object:Map|object:Set|object:WeakMap|hidden:|string:|concatenated string:|number:|object:Promise|object:Date|code:)/;

class HeapGraph {
  readonly count: number;
  private readonly stride: number;
  private readonly field: Record<'type' | 'name' | 'id' | 'edges' | 'size', number>;

  constructor(private readonly s: Snapshot) {
    const fields = s.snapshot.meta.node_fields;
    this.stride = fields.length;
    this.count = s.nodes.length / this.stride;
    this.field = { type: fields.indexOf('type'), name: fields.indexOf('name'), id: fields.indexOf('id'), edges: fields.indexOf('edge_count'), size: fields.indexOf('self_size') };
  }

  private at(node: number, field: keyof HeapGraph['field']): number {
    return this.s.nodes[node * this.stride + this.field[field]]!;
  }

  id(node: number): number {
    return this.at(node, 'id');
  }

  size(node: number): number {
    return this.at(node, 'size');
  }

  /** "type:name", with string contents and numbers left out (they would make every string its own row). */
  label(node: number): string {
    const type = this.s.snapshot.meta.node_types[0][this.at(node, 'type')]!;
    const valueLike = type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number';
    return `${type}:${valueLike ? '' : this.s.strings[this.at(node, 'name')]!.slice(0, 50)}`;
  }

  /** Calls `visit(from, to, edgeName)` for every strong edge. */
  forEachEdge(visit: (from: number, to: number, edgeName: string) => void): void {
    const meta = this.s.snapshot.meta;
    const edgeStride = meta.edge_fields.length;
    const eType = meta.edge_fields.indexOf('type');
    const eName = meta.edge_fields.indexOf('name_or_index');
    const eTo = meta.edge_fields.indexOf('to_node');
    let edge = 0;
    for (let node = 0; node < this.count; node++) {
      for (let k = this.at(node, 'edges'); k > 0; k--, edge += edgeStride) {
        const type = meta.edge_types[0][this.s.edges[edge + eType]!]!;
        if (type === 'weak' || type === 'shortcut') continue;
        const nameOrIndex = this.s.edges[edge + eName]!;
        const name = type === 'element' || type === 'hidden' ? `[${type}]` : String(this.s.strings[nameOrIndex]);
        visit(node, this.s.edges[edge + eTo]! / this.stride, name);
      }
    }
  }
}

function load(file: string): HeapGraph {
  return new HeapGraph(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
}

function byType(graph: HeapGraph): Map<string, { count: number; bytes: number }> {
  const rows = new Map<string, { count: number; bytes: number }>();
  for (let node = 0; node < graph.count; node++) {
    const row = rows.get(graph.label(node)) ?? { count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += graph.size(node);
    rows.set(graph.label(node), row);
  }
  return rows;
}

function byOwner(graph: HeapGraph, existed: Set<number>): Map<string, { count: number; bytes: number }> {
  const isNew = (node: number) => !existed.has(graph.id(node));
  // One retainer per node, a new one preferred: a per-station structure is reached through its own objects.
  const holder = new Int32Array(graph.count).fill(-1);
  const via: string[] = new Array<string>(graph.count);
  graph.forEachEdge((from, to, name) => {
    const current = holder[to]!;
    if (current === -1 || (isNew(to) && isNew(from) && !isNew(current))) {
      holder[to] = from;
      via[to] = name;
    }
  });
  const owners = new Map<string, { count: number; bytes: number }>();
  for (let node = 0; node < graph.count; node++) {
    if (!isNew(node)) continue;
    let owner = `? ${graph.label(node)}`;
    for (let x = node, hops = 0; holder[x]! !== -1 && hops < 14; x = holder[x]!, hops++) {
      const up = holder[x]!;
      if (PLUMBING.test(graph.label(up)) && isNew(up)) continue;
      owner = `${graph.label(up)} .${via[x]}`;
      // A plain container that existed before (a module's Map): name whoever holds it.
      let path = '';
      let named = up;
      for (let h = 0; PLUMBING.test(graph.label(named)) && holder[named]! !== -1 && h < 6; h++) {
        path = `.${via[named]}${path}`;
        named = holder[named]!;
      }
      if (named !== up) owner = `${graph.label(named)}${path} (${graph.label(up)})`;
      break;
    }
    const row = owners.get(owner) ?? { count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += graph.size(node);
    owners.set(owner, row);
  }
  return owners;
}

function print(title: string, rows: Array<[string, number, number]>, stations: number, limit: number): void {
  console.log(`\n${title}\n   B/station  objects/station`);
  for (const [key, bytes, count] of rows.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, limit)) {
    console.log(`${(bytes / stations).toFixed(0).padStart(10)} ${(count / stations).toFixed(2).padStart(9)}  ${key}`);
  }
}

const [beforeFile, afterFile, stationsArg, limitArg] = process.argv.slice(2);
if (!beforeFile || !afterFile || !stationsArg) {
  console.error('usage: idle-heap-diff <before.heapsnapshot> <after.heapsnapshot> <stations> [rows]');
  process.exit(2);
}
const stations = Number(stationsArg);
const limit = Number(limitArg ?? 30);
const before = load(beforeFile);
const existed = new Set<number>();
for (let node = 0; node < before.count; node++) existed.add(before.id(node));
const typesBefore = byType(before);
const after = load(afterFile);
const typesAfter = byType(after);

const typeRows: Array<[string, number, number]> = [];
for (const [key, row] of typesAfter) {
  const old = typesBefore.get(key) ?? { count: 0, bytes: 0 };
  typeRows.push([key, row.bytes - old.bytes, row.count - old.count]);
}
const total = typeRows.reduce((sum, row) => sum + row[1], 0);
console.log(`self size of the heap growth per station: ${(total / stations).toFixed(0)} B`);
print('by type (after - before)', typeRows, stations, limit);
print('new objects by holder', [...byOwner(after, existed)].map(([key, row]) => [key, row.bytes, row.count]), stations, limit);
