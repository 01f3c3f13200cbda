/**
 * Incremental re-parse of a JSON document after an edit (editors). The smallest object or array that holds the whole
 * edit is parsed again from the new text; every node after it is moved by the edit's length, in place, and every
 * node before it is kept as it is. A keystroke in a 1,000-state definition then allocates a few nodes instead of a
 * whole tree, which is most of what a re-lint used to cost (the parse and the garbage collection after it).
 */
import type { ArrayNode, AstNode, ObjectNode, Range } from './ast.js';
import { parsePlainJson, type ParsedDocument } from './parse.js';

type Container = ObjectNode | ArrayNode;
type MutableRange = { start: number; end: number };

/**
 * The document of `newText`, made from `previous` (the document of `oldText`, which this consumes: its nodes are
 * updated in place). Undefined when the edit cannot be applied this way; parse the whole text then. Only clean JSON
 * documents qualify: no problem, comment or byte order mark, and an edit inside a container whose new text is
 * valid JSON.
 */
export function reparseJson(
  previous: ParsedDocument,
  oldText: string,
  newText: string,
  /** Told of each kept container whose contents changed (the ones around the edit), e.g. to drop cached values. */
  changed?: (container: ObjectNode | ArrayNode) => void,
): ParsedDocument | undefined {
  const root = previous.root;
  if (previous.language !== 'json' || !root || previous.problems.length > 0 || previous.comments.length > 0) return undefined;
  if (oldText.charCodeAt(0) === 0xfeff || newText.charCodeAt(0) === 0xfeff || newText.includes('<<<<<<<')) return undefined;
  const shortest = Math.min(oldText.length, newText.length);
  const prefix = commonPrefix(oldText, newText, shortest);
  if (prefix === oldText.length && prefix === newText.length) return undefined;
  const suffix = commonSuffix(oldText, newText, shortest - prefix);
  const editEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;

  // The containers from the root down to the deepest one whose brackets are outside the edit.
  const inside = (node: AstNode | undefined): node is Container =>
    node !== undefined && (node.kind === 'object' || node.kind === 'array') && node.range.start < prefix && editEnd < node.range.end;
  if (!inside(root)) return undefined;
  const chain: Container[] = [root];
  for (;;) {
    const child = childAround(chain[chain.length - 1], prefix);
    if (!inside(child)) break;
    chain.push(child);
  }
  const target = chain[chain.length - 1];
  const parent = chain.length > 1 ? chain[chain.length - 2] : undefined;
  const region = parsePlainJson(newText, { start: target.range.start, end: target.range.end + delta, parent, depth: chain.length - 1 });
  if (!region?.root) return undefined;
  const replacement = region.root as Container;

  // From here on the old tree changes: the new container takes the old one's place, and what follows it moves.
  for (let level = 0; level < chain.length - 1; level++) {
    const container = chain[level];
    const child = chain[level + 1];
    (container.range as MutableRange).end += delta;
    changed?.(container);
    shiftAfter(container, child, level + 1 === chain.length - 1 ? replacement : child, delta);
  }
  if (!parent) {
    delete (replacement as { parent?: unknown }).parent;
    return { language: 'json', root: replacement, problems: region.problems, comments: [] };
  }
  return { language: 'json', root, problems: region.problems, comments: [] };
}

/** The value of `container` whose range covers `offset` (properties and items are in document order). */
function childAround(container: Container, offset: number): AstNode | undefined {
  const count = container.kind === 'object' ? container.properties.length : container.items.length;
  const rangeAt = (i: number): Range | undefined => (container.kind === 'object' ? container.properties[i].value?.range : container.items[i].range);
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = rangeAt(middle);
    if (!range) return undefined;
    if (range.end <= offset) low = middle + 1;
    else if (range.start > offset) high = middle - 1;
    else return container.kind === 'object' ? container.properties[middle].value : container.items[middle];
  }
  return undefined;
}

/** Puts `replacement` where `child` is in `container` and moves every later key and value by `delta`. */
function shiftAfter(container: Container, child: AstNode, replacement: AstNode, delta: number): void {
  if (container.kind === 'object') {
    const properties = container.properties;
    let i = properties.findIndex((property) => property.value === child);
    properties[i].value = replacement;
    for (i++; i < properties.length; i++) {
      const property = properties[i];
      shift(property.keyRange, delta);
      if (property.value) shiftTree(property.value, delta);
    }
  } else {
    const items = container.items;
    let i = items.indexOf(child);
    items[i] = replacement;
    for (i++; i < items.length; i++) shiftTree(items[i], delta);
  }
}

function shiftTree(root: AstNode, delta: number): void {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    shift(node.range, delta);
    if (node.kind === 'object') {
      for (const property of node.properties) {
        shift(property.keyRange, delta);
        if (property.value) stack.push(property.value);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) stack.push(item);
    }
  }
}

function shift(range: Range, delta: number): void {
  (range as MutableRange).start += delta;
  (range as MutableRange).end += delta;
}

/** Blocks compared as strings (a memory compare) before characters one by one: the texts are mostly equal. */
const BLOCK = 256;

function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.substring(a.length - i - BLOCK, a.length - i) === b.substring(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
