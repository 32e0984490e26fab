// Prisma's parameterization graph, decoded node by node when a query first needs the node.
//
// Prisma 7's client keeps query plans in a cache keyed by the query's shape: every query is
// parameterized first, walking a graph of the schema's input and output types that the
// generated client carries as base64 (`parameterizationSchema.graph`, 205 kB for our schema).
// Prisma decodes the whole graph when the client is constructed: 3,373 input nodes with 26,255
// edges become ~20 MB of short-lived objects, a third of what a Lambda cold start allocates,
// and the garbage collection that follows costs ~30 ms. A request touches a few dozen nodes.
//
// This decoder reads the same bytes into the same shapes, { strings, inputNodes, outputNodes,
// roots }, where each node's `edges` are decoded on first access: the constructor only records
// where each node starts. The bundle's copy of Prisma's client calls it instead of its own
// (.config/esbuild-plugins.cjs); test/build/param-graph.test.ts checks every node of our
// schema against Prisma's own decoder.
//
// The format (Prisma's ParamGraph serializer): three varints (input node count, output node
// count, root count); each input node a varint edge count and per edge a varint string index,
// a uint16 LE scalar mask, two optional varints (child node, enum name; 0 = none, else n + 1)
// and a uint8 of flags; each output node a varint edge count and per edge a varint string
// index and two optional varints (args node, output node); each root a varint string index and
// the same two optional varints.

/** @param {{ strings: string[], graph: string }} schema */
function lazyParamGraph(schema) {
  const bytes = Buffer.from(schema.graph, "base64url");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = view.getUint8(at++);
      value |= (byte & 127) << shift;
      shift += 7;
    } while (byte >= 128);
    return value;
  };
  const optional = () => {
    const value = varint();
    return value === 0 ? undefined : value - 1;
  };

  const inputCount = varint();
  const outputCount = varint();
  const rootCount = varint();
  const inputStarts = new Int32Array(inputCount);
  for (let node = 0; node < inputCount; node++) {
    inputStarts[node] = at;
    for (let edge = varint(); edge > 0; edge--) {
      varint();
      at += 2;
      varint();
      varint();
      at += 1;
    }
  }
  const outputStarts = new Int32Array(outputCount);
  for (let node = 0; node < outputCount; node++) {
    outputStarts[node] = at;
    for (let edge = varint(); edge > 0; edge--) {
      varint();
      varint();
      varint();
    }
  }
  const roots = {};
  for (let root = 0; root < rootCount; root++) {
    const name = schema.strings[varint()];
    const argsNodeId = optional();
    const outputNodeId = optional();
    const entry = {};
    if (argsNodeId !== undefined) entry.argsNodeId = argsNodeId;
    if (outputNodeId !== undefined) entry.outputNodeId = outputNodeId;
    roots[name] = entry;
  }

  const inputEdges = (node) => {
    at = inputStarts[node];
    const edges = {};
    for (let edge = varint(); edge > 0; edge--) {
      const key = varint();
      const scalarMask = view.getUint16(at, true);
      at += 2;
      const childNodeId = optional();
      const enumNameIndex = optional();
      const entry = { flags: view.getUint8(at++) };
      if (scalarMask !== 0) entry.scalarMask = scalarMask;
      if (childNodeId !== undefined) entry.childNodeId = childNodeId;
      if (enumNameIndex !== undefined) entry.enumNameIndex = enumNameIndex;
      edges[key] = entry;
    }
    return edges;
  };
  const outputEdges = (node) => {
    at = outputStarts[node];
    const edges = {};
    for (let edge = varint(); edge > 0; edge--) {
      const key = varint();
      const argsNodeId = optional();
      const outputNodeId = optional();
      const entry = {};
      if (argsNodeId !== undefined) entry.argsNodeId = argsNodeId;
      if (outputNodeId !== undefined) entry.outputNodeId = outputNodeId;
      edges[key] = entry;
    }
    return edges;
  };

  // One small object per node (3,764 here), each decoding its edges once, when first read.
  class LazyNode {
    constructor(id, decode) {
      this.id = id;
      this.decode = decode;
      this.decoded = undefined;
    }
    get edges() {
      this.decoded ??= this.decode(this.id);
      return this.decoded;
    }
  }
  return {
    strings: schema.strings,
    inputNodes: Array.from({ length: inputCount }, (_, id) => new LazyNode(id, inputEdges)),
    outputNodes: Array.from({ length: outputCount }, (_, id) => new LazyNode(id, outputEdges)),
    roots,
  };
}

module.exports = { lazyParamGraph };
