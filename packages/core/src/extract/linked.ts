import type { AstNode, Path } from '../ast.js';
import { MAX_DEPTH } from '../parse.js';
import type { Placeholder } from './host-context.js';
import { placeholdersInString } from './embedded-json.js';
import { mappedString, type HostText } from './host-values.js';

/** The `${Name}` placeholders of a definition file that a template substitutes (DefinitionSubstitutions). */
export function linkedPlaceholders(host: HostText, root: AstNode): Placeholder[] {
  const placeholders: Placeholder[] = [];
  const stack: { node: AstNode; path: Path; depth: number }[] = [{ node: root, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (node.kind === 'string' && node.value.includes('${')) placeholders.push(...placeholdersInString(mappedString(host, node), path, undefined));
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
