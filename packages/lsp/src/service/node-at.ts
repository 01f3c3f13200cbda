import type { AstNode, Range } from '@asl-lint/core';
import type { PathSegment } from './cursor.js';

export interface NodeAt {
  readonly path: PathSegment[];
  /** The value node at the offset, or the value of the key the offset is on. */
  readonly node: AstNode | undefined;
  /** Set when the offset is on a property key. */
  readonly keyRange?: Range;
}

function contains(range: Range, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** The innermost node at an offset, with its path. Iterative; linear in the siblings along the way. */
export function nodeAt(root: AstNode | undefined, offset: number): NodeAt | undefined {
  if (!root || !contains(root.range, offset)) return undefined;
  const path: PathSegment[] = [];
  let node: AstNode = root;
  for (;;) {
    let next: AstNode | undefined;
    if (node.kind === 'object') {
      for (const property of node.properties) {
        if (contains(property.keyRange, offset)) return { path: [...path, property.key], node: property.value, keyRange: property.keyRange };
        if (property.value && contains(property.value.range, offset)) {
          path.push(property.key);
          next = property.value;
          break;
        }
      }
    } else if (node.kind === 'array') {
      const index = node.items.findIndex((item) => contains(item.range, offset));
      if (index >= 0) {
        path.push(index);
        next = node.items[index];
      }
    }
    if (!next) return { path, node };
    node = next;
  }
}
