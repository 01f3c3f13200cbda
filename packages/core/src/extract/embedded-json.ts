import type { AstNode, Path, Range } from '../ast.js';
import { parseJson, type ParseProblem } from '../parse.js';
import type { Placeholder } from './host-context.js';
import { isOpaqueAt, mapRange, MappedTextBuilder, type MappedText } from './mapped-text.js';

export interface EmbeddedDefinition {
  /** Undefined when the text does not parse: as for a file, its problems are reported and no other rule runs. */
  readonly root: AstNode | undefined;
  /** Parse problems in host coordinates. */
  readonly problems: ParseProblem[];
  readonly placeholders: Placeholder[];
}

type SubOptions = Placeholder['sub'];

/**
 * Parses a definition held in a string (DefinitionString, `JSON.stringify`, a string literal) and
 * maps every node and problem to host offsets. `${Name}` placeholders are substituted by the host
 * before Step Functions parses the text, so one may stand where a value does (`"TimeoutSeconds": ${T}`):
 * such a placeholder is read as the string `"${T}"`, an unknown value for the rules.
 */
export function parseEmbeddedJson(source: MappedText, sub: SubOptions): EmbeddedDefinition {
  const { text, placeholders } = quotePlaceholders(source, sub);
  const document = parseJson(text.text);
  const problems = document.problems.map((problem) => ({ ...problem, range: mapRange(text, problem.range) }));
  const found: { name: string; start: number; end: number; literal?: boolean; path: Path }[] = placeholders.map((p) => ({ ...p, path: [] }));
  const fatal = document.problems.some((problem) => problem.kind === 'syntax' || problem.kind === 'too-deep');
  if (document.root && !fatal) remap(document.root, text, found);
  return {
    root: fatal ? undefined : document.root,
    problems,
    placeholders: found.map((p) => ({ name: p.name, range: mapRange(text, { start: p.start, end: p.end }), path: p.path, ...(sub && !p.literal ? { sub } : {}) })),
  };
}

/** `${…}` outside JSON strings becomes a quoted string; `${!Literal}` of `Fn::Sub` becomes `${Literal}`. */
function quotePlaceholders(source: MappedText, sub: SubOptions): { text: MappedText; placeholders: { name: string; start: number; end: number; literal?: boolean }[] } {
  const input = source.text;
  const out = new MappedTextBuilder(source.endOffset);
  const copy = (from: number, to: number): void => out.appendRange(source, from, to);
  const placeholders: { name: string; start: number; end: number; literal?: boolean }[] = [];
  let inString = false;
  let i = 0;
  let copied = 0;
  while (i < input.length) {
    const c = input[i];
    if (inString && c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') {
      inString = !inString;
      i++;
      continue;
    }
    if (c !== '$' || input[i + 1] !== '{') {
      i++;
      continue;
    }
    const close = input.indexOf('}', i + 2);
    if (close < 0) break;
    const name = input.slice(i + 2, close);
    copy(copied, i);
    if (!inString) out.push('"', source.starts[i], source.ends[i]);
    if (sub && name.startsWith('!')) {
      // `${!Name}` is the literal `${Name}` after Fn::Sub, left for DefinitionSubstitutions.
      const start = out.length;
      copy(i, i + 2);
      copy(i + 3, close + 1);
      if (!isOpaqueAt(source, i)) placeholders.push({ name: name.slice(1), start, end: out.length, literal: true });
    } else {
      const start = out.length;
      copy(i, close + 1);
      if (!isOpaqueAt(source, i) && !/["\\]/.test(name)) placeholders.push({ name, start, end: out.length });
    }
    if (!inString) out.push('"', source.starts[close], source.ends[close]);
    i = close + 1;
    copied = i;
  }
  copy(copied, input.length);
  return { text: out.build(source.endOffset), placeholders };
}

/** Moves every range of the tree to host coordinates and gives each placeholder the path of its innermost node. */
function remap(root: AstNode, text: MappedText, placeholders: { start: number; path: Path }[]): void {
  const stack: { node: AstNode; path: Path }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    for (let k = firstAtOrAfter(placeholders, node.range.start); k < placeholders.length && placeholders[k].start < node.range.end; k++) {
      placeholders[k].path = path;
    }
    (node as { range: Range }).range = mapRange(text, node.range);
    if (node.kind === 'object') {
      for (const property of node.properties) {
        (property as { keyRange: Range }).keyRange = mapRange(text, property.keyRange);
        if (property.value) stack.push({ node: property.value, path: [...path, property.key] });
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    }
  }
}

function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Placeholders written in one string value of a definition object. */
export function placeholdersInString(mapped: MappedText, path: Path, sub: SubOptions): Placeholder[] {
  const result: Placeholder[] = [];
  const text = mapped.text;
  let i = text.indexOf('${');
  while (i >= 0) {
    const close = text.indexOf('}', i + 2);
    if (close < 0) break;
    const name = text.slice(i + 2, close);
    if (!isOpaqueAt(mapped, i)) {
      // `${!Name}` in an Fn::Sub is the literal `${Name}`, left for DefinitionSubstitutions.
      const literal = sub !== undefined && name.startsWith('!');
      result.push({ name: literal ? name.slice(1) : name, range: mapRange(mapped, { start: i, end: close + 1 }), path, ...(sub && !literal ? { sub } : {}) });
    }
    i = text.indexOf('${', close + 1);
  }
  return result;
}
