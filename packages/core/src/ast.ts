/** One node model for JSON, YAML and embedded definitions. Offsets are UTF-16 indices into the host text. */

export type Path = readonly (string | number)[];

export interface Range {
  /** Inclusive start offset. */
  readonly start: number;
  /** Exclusive end offset. */
  readonly end: number;
}

interface NodeBase {
  readonly range: Range;
  /** The property that holds this node, when its parent is an object. */
  parent?: ObjectNode | ArrayNode;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly properties: PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: AstNode[];
}

export interface StringNode extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
  /** YAML tag such as `!Sub`, kept so extractors can recognise intrinsic functions. */
  readonly tag?: string;
}

export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullNode extends NodeBase {
  readonly kind: 'null';
  readonly value: null;
}

export type AstNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

export interface PropertyNode {
  readonly key: string;
  readonly keyRange: Range;
  /** Undefined while a document is half-written (`"a": }`). */
  value: AstNode | undefined;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Objects with more properties than this get a key index on first lookup (a `States` object with 60,000 states). */
const INDEX_THRESHOLD = 16;
const propertyIndexes = new WeakMap<ObjectNode, { size: number; byKey: Map<string, PropertyNode> }>();

export function getProperty(node: AstNode | undefined, key: string): PropertyNode | undefined {
  if (node?.kind !== 'object') return undefined;
  const { properties } = node;
  if (properties.length > INDEX_THRESHOLD) {
    let index = propertyIndexes.get(node);
    if (!index || index.size !== properties.length) {
      // Later duplicates win, as in JSON.parse and in Step Functions.
      const byKey = new Map<string, PropertyNode>();
      for (const property of properties) byKey.set(property.key, property);
      index = { size: properties.length, byKey };
      propertyIndexes.set(node, index);
    }
    return index.byKey.get(key);
  }
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i];
    if (property.key === key) return property;
  }
  return undefined;
}

export function getValueNode(node: AstNode | undefined, key: string): AstNode | undefined {
  return getProperty(node, key)?.value;
}

export function getStringValue(node: AstNode | undefined, key: string): string | undefined {
  const value = getValueNode(node, key);
  return value?.kind === 'string' ? value.value : undefined;
}

/** The node at a document path, or undefined when any step is missing. */
export function findNode(root: AstNode | undefined, path: Path): AstNode | undefined {
  let node = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') {
      node = node.kind === 'array' ? node.items[segment] : undefined;
    } else {
      node = getValueNode(node, segment);
    }
  }
  return node;
}

export interface PathLocation {
  /** The range that best explains the path: the node, or for a missing key the closest existing parent. */
  readonly range: Range;
  readonly exact: boolean;
}

/**
 * Maps a path to the narrowest range. `at: 'key'` points at a property's key instead of its value.
 * A missing step falls back to the key of the closest existing parent (one line, rather than a whole object).
 */
export function locatePath(root: AstNode, path: Path, at: 'key' | 'value' = 'value'): PathLocation {
  let node: AstNode = root;
  let keyRange: Range | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: AstNode | undefined;
    let nextKey: Range | undefined;
    if (typeof segment === 'number') {
      next = node.kind === 'array' ? node.items[segment] : undefined;
    } else {
      const property = getProperty(node, segment);
      next = property?.value;
      nextKey = property?.keyRange;
      if (property && next === undefined) return { range: property.keyRange, exact: i === path.length - 1 && at === 'key' };
    }
    if (next === undefined) return { range: keyRange ?? headRange(node), exact: false };
    node = next;
    keyRange = nextKey;
  }
  if (at === 'key' && keyRange) return { range: keyRange, exact: true };
  return { range: node.range, exact: true };
}

function headRange(node: AstNode): Range {
  return node.kind === 'object' || node.kind === 'array'
    ? { start: node.range.start, end: Math.min(node.range.end, node.range.start + 1) }
    : node.range;
}

/** The path from the root to a node, following parent links. */
export function pathOf(node: AstNode): (string | number)[] {
  const path: (string | number)[] = [];
  let current: AstNode = node;
  while (current.parent) {
    const parent: ObjectNode | ArrayNode = current.parent;
    if (parent.kind === 'array') {
      path.push(parent.items.indexOf(current));
    } else {
      const property = parent.properties.find((p) => p.value === current);
      path.push(property ? property.key : '');
    }
    current = parent;
  }
  return path.reverse();
}

/**
 * Plain value of a node. Objects have a null prototype so that keys such as `__proto__` stay data.
 * Iterative and top-down (each container is created before its children are filled in): linear, no call stack.
 * With `reuse` (editors), the values of containers already converted are taken from it and new ones are added: an
 * unchanged subtree of the next version's tree (reparse.ts keeps its nodes) costs nothing. Values are shared then,
 * so nobody may modify them.
 */
export function toValue(root: AstNode, reuse?: WeakMap<AstNode, JsonValue>): JsonValue {
  if (root.kind !== 'object' && root.kind !== 'array') return root.value;
  const known = reuse?.get(root);
  if (known !== undefined) return known;
  const rootValue = emptyContainer(root);
  reuse?.set(root, rootValue);
  const stack: [ObjectNode | ArrayNode, JsonValue[] | { [key: string]: JsonValue }][] = [[root, rootValue]];
  while (stack.length > 0) {
    const [node, target] = stack.pop()!;
    if (node.kind === 'array') {
      const array = target as JsonValue[];
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (item.kind === 'object' || item.kind === 'array') {
          const cached = reuse?.get(item);
          if (cached !== undefined) {
            array[i] = cached;
            continue;
          }
          const child = emptyContainer(item);
          reuse?.set(item, child);
          array[i] = child;
          stack.push([item, child]);
        } else {
          array[i] = item.value;
        }
      }
    } else {
      const object = target as { [key: string]: JsonValue };
      for (const property of node.properties) {
        const value = property.value;
        if (!value) continue;
        if (value.kind === 'object' || value.kind === 'array') {
          const cached = reuse?.get(value);
          if (cached !== undefined) {
            object[property.key] = cached;
            continue;
          }
          const child = emptyContainer(value);
          reuse?.set(value, child);
          object[property.key] = child;
          stack.push([value, child]);
        } else {
          object[property.key] = value.value;
        }
      }
    }
  }
  return rootValue;
}

function emptyContainer(node: ObjectNode | ArrayNode): JsonValue[] | { [key: string]: JsonValue } {
  return node.kind === 'array' ? new Array<JsonValue>(node.items.length) : (Object.create(null) as { [key: string]: JsonValue });
}

export function isObjectValue(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
