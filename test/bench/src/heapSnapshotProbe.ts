/*
 * Prints what a V8 heap snapshot holds: self size by node type and constructor, and by the edge that
 * first retains each node (`Object.resourceVersion -> string`), per watched object when given a count.
 * Run alone: node --require @backstage/cli/config/nodeTransform.cjs test/bench/src/heapSnapshotProbe.ts FILE [OBJECTS]
 */
import fs from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[]];
      edge_fields: string[];
      edge_types: [string[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Tally {
  count: number;
  bytes: number;
}

function add(tallies: Map<string, Tally>, key: string, bytes: number) {
  const tally = tallies.get(key) ?? { count: 0, bytes: 0 };
  tally.count++;
  tally.bytes += bytes;
  tallies.set(key, tally);
}

function print(title: string, tallies: Map<string, Tally>, objects: number) {
  console.log(`\n${title}`);
  const rows = [...tallies].sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [key, { count, bytes }] of rows.slice(0, 30)) {
    const perObject = objects > 0 ? (bytes / objects).toFixed(1) : '';
    console.log(
      `${(bytes / 1048576).toFixed(1).padStart(8)} MB ${String(count).padStart(
        9,
      )} x ${perObject.padStart(7)} B/object  ${key.slice(0, 100)}`,
    );
  }
}

export function summarizeHeapSnapshot(file: string, objects = 0): void {
  const data: Snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { meta } = data.snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const typeField = meta.node_fields.indexOf('type');
  const nameField = meta.node_fields.indexOf('name');
  const sizeField = meta.node_fields.indexOf('self_size');
  const edgeCountField = meta.node_fields.indexOf('edge_count');
  const edgeTypeField = meta.edge_fields.indexOf('type');
  const edgeNameField = meta.edge_fields.indexOf('name_or_index');
  const edgeToField = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = data;

  const stringTypes = new Set([
    'string',
    'concatenated string',
    'sliced string',
  ]);
  const label = (node: number) => {
    const type = nodeTypes[nodes[node + typeField]];
    if (stringTypes.has(type)) return type;
    return `${type}:${strings[nodes[node + nameField]].slice(0, 40)}`;
  };

  const byConstructor = new Map<string, Tally>();
  const byRetainer = new Map<string, Tally>();
  const attributed = new Uint8Array(nodes.length / nodeFields);
  let total = 0;
  let edge = 0;
  for (let node = 0; node < nodes.length; node += nodeFields) {
    const size = nodes[node + sizeField];
    total += size;
    add(byConstructor, label(node), size);
    const parentName =
      nodeTypes[nodes[node + typeField]] === 'object'
        ? strings[nodes[node + nameField]]
        : nodeTypes[nodes[node + typeField]];
    const edgeCount = nodes[node + edgeCountField];
    for (let e = 0; e < edgeCount; e++, edge += edgeFields) {
      const edgeType = edgeTypes[edges[edge + edgeTypeField]];
      if (edgeType === 'weak' || edgeType === 'shortcut') continue;
      const child = edges[edge + edgeToField];
      if (attributed[child / nodeFields]) continue;
      attributed[child / nodeFields] = 1;
      const edgeName =
        edgeType === 'element' || edgeType === 'hidden'
          ? '[]'
          : `.${strings[edges[edge + edgeNameField]]}`;
      add(
        byRetainer,
        `${parentName.slice(0, 40)}${edgeName.slice(0, 40)} -> ${label(child)}`,
        nodes[child + sizeField],
      );
    }
  }
  console.log(
    `heap snapshot ${file}: ${(total / 1048576).toFixed(1)} MB in ${
      nodes.length / nodeFields
    } nodes${
      objects > 0
        ? `, ${(total / objects).toFixed(0)} B per watched object`
        : ''
    }`,
  );
  print('self size by type:constructor', byConstructor, objects);
  print('self size by first retaining edge', byRetainer, objects);
}

if (require.main === module) {
  summarizeHeapSnapshot(process.argv[2], Number(process.argv[3] ?? 0));
}
