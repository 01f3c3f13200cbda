import type { AstNode, Path, StringNode } from '../ast.js';
import { MAX_DEPTH } from '../parse.js';
import type { Placeholder } from './host-context.js';
import { placeholdersInString } from './embedded-json.js';
import { mappedString, type HostText } from './host-values.js';
import type { MappedText } from './mapped-text.js';

/** The `${Name}` placeholders of a definition file that a template substitutes (DefinitionSubstitutions). */
export function linkedPlaceholders(host: HostText, root: AstNode): Placeholder[] {
  return placeholdersInTree(root, (node) => mappedString(host, node));
}

/** The `${Name}` placeholders written in the string values of a definition tree; `decode` maps a string node to its host text. */
export function placeholdersInTree(root: AstNode, decode: (node: StringNode) => MappedText | undefined): Placeholder[] {
  const placeholders: Placeholder[] = [];
  const stack: { node: AstNode; path: Path; depth: number }[] = [{ node: root, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (node.kind === 'string' && node.value.includes('${')) {
      const mapped = decode(node);
      if (mapped) placeholders.push(...placeholdersInString(mapped, path, undefined));
    }
    else if (node.kind === 'object') {
      for (let i = node.properties.length - 1; i >= 0; i--) {
        const property = node.properties[i];
        if (property.value) stack.push({ node: property.value, path: [...path, property.key], depth: depth + 1 });
      }
    } else if (node.kind === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i], depth: depth + 1 });
    }
  }
  return placeholders;
}
