import type { AstNode, ObjectNode, Path, PropertyNode, StringNode } from '../ast.js';
import { MAX_DEPTH, type SourceLanguage } from '../parse.js';
import type { Placeholder } from './host-context.js';
import { placeholdersInString } from './embedded-json.js';
import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import { decodeJsonString, decodeYamlScalar } from './string-literals.js';

/** The host file an extractor reads from. */
export interface HostText {
  readonly text: string;
  readonly language: SourceLanguage;
}

/** A string node of a JSON or YAML host, with the host range of every decoded character. */
export function mappedString(host: HostText, node: StringNode): MappedText {
  return host.language === 'yaml' ? decodeYamlScalar(host.text, node.range, node.value) : decodeJsonString(host.text, node.range, node.value);
}

/** `{ "Ref": … }`, `{ "Fn::…": … }`: the one key of an intrinsic function object. */
export function intrinsicName(node: AstNode | undefined): string | undefined {
  if (node?.kind !== 'object' || node.properties.length !== 1) return undefined;
  const key = node.properties[0].key;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

export function intrinsicArgument(node: AstNode): AstNode | undefined {
  return (node as ObjectNode).properties[0]?.value;
}

/**
 * The text that stands in for a value the host computes: `${Name}` for `Ref`, `${Resource.Attribute}`
 * for `Fn::GetAtt`, `${Fn::If}` for the others. Rules read any `${…}` as an unknown value.
 */
export function opaqueText(node: AstNode): string {
  const name = intrinsicName(node);
  const argument = name ? intrinsicArgument(node) : undefined;
  if (name === 'Ref' && argument?.kind === 'string') return `\${${argument.value}}`;
  if (name === 'Fn::GetAtt') {
    if (argument?.kind === 'string') return `\${${argument.value}}`;
    if (argument?.kind === 'array' && argument.items.every((item) => item.kind === 'string')) {
      return `\${${argument.items.map((item) => (item as StringNode).value).join('.')}}`;
    }
  }
  return `\${${name ?? 'value'}}`;
}

/** `Fn::Join [delimiter, [pieces]]` as one text; pieces that are not literal strings are opaque. */
export function joinedText(host: HostText, join: AstNode): MappedText | undefined {
  const argument = intrinsicName(join) === 'Fn::Join' ? intrinsicArgument(join) : undefined;
  if (argument?.kind !== 'array' || argument.items.length !== 2) return undefined;
  const [delimiter, list] = argument.items;
  if (delimiter.kind !== 'string' || list.kind !== 'array') return undefined;
  const builder = new MappedTextBuilder(join.range.start);
  list.items.forEach((piece, index) => {
    if (index > 0 && delimiter.value) builder.append(mappedString(host, delimiter));
    if (piece.kind === 'string') builder.append(mappedString(host, piece));
    else if (piece.kind === 'number' || piece.kind === 'boolean') builder.pushVerbatim(String(piece.value), piece.range.start);
    else builder.pushOpaque(opaqueText(piece), piece.range);
  });
  return builder.build(join.range.end);
}

/** A string that an `Fn::Sub` resolves: `!Sub text` or `!Sub [text, { vars }]`. */
export function subText(host: HostText, node: AstNode): { mapped: MappedText; sub: NonNullable<Placeholder['sub']> } | undefined {
  if (intrinsicName(node) !== 'Fn::Sub') return undefined;
  const argument = intrinsicArgument(node);
  let template: AstNode | undefined = argument;
  const variables = new Set<string>();
  if (argument?.kind === 'array') {
    template = argument.items[0];
    const map = argument.items[1];
    if (map?.kind === 'object') for (const property of map.properties) variables.add(property.key);
  }
  if (template?.kind !== 'string') return undefined;
  return { mapped: mappedString(host, template), sub: { variables } };
}

/**
 * A copy of a definition object written in the host, with intrinsic functions replaced by strings:
 * `Fn::Sub` by its text, `Fn::Join` by the joined text, anything else by an opaque `${…}` stand-in.
 * Node ranges stay the host's. Placeholders written in strings are collected on the way.
 */
export function materialize(host: HostText, node: AstNode, placeholders: Placeholder[], checkStrings: boolean): Materialized {
  const counter = { intrinsics: 0, conditionalStructure: false };
  const root = copy(host, node, [], placeholders, checkStrings, 0, counter);
  return { root, ...counter };
}

export interface Materialized {
  readonly root: AstNode;
  /** Intrinsic functions replaced by stand-ins. */
  readonly intrinsics: number;
  /**
   * An `Fn::If` chooses between objects or arrays: the definition's shape depends on a condition,
   * and no single reading of it is the one that deploys.
   */
  readonly conditionalStructure: boolean;
}

type Counter = { intrinsics: number; conditionalStructure: boolean };

function copy(host: HostText, node: AstNode, path: Path, placeholders: Placeholder[], checkStrings: boolean, depth: number, counter: Counter): AstNode {
  if (depth > MAX_DEPTH) return { kind: 'null', value: null, range: node.range };
  const intrinsic = intrinsicName(node);
  if (intrinsic) {
    counter.intrinsics++;
    const argument = intrinsicArgument(node);
    if (intrinsic === 'Fn::If' && argument?.kind === 'array' && argument.items.slice(1).some((branch) => branch.kind === 'array' || (branch.kind === 'object' && !intrinsicName(branch)))) {
      counter.conditionalStructure = true;
    }
    const sub = subText(host, node);
    if (sub) {
      placeholders.push(...placeholdersInString(sub.mapped, path, sub.sub));
      return { kind: 'string', value: sub.mapped.text, range: node.range };
    }
    const joined = joinedText(host, node);
    if (joined) {
      if (checkStrings) placeholders.push(...placeholdersInString(joined, path, undefined));
      return { kind: 'string', value: joined.text, range: node.range };
    }
    return { kind: 'string', value: opaqueText(node), range: node.range };
  }
  if (node.kind === 'object') {
    const object: ObjectNode = { kind: 'object', properties: [], range: node.range };
    for (const property of node.properties) {
      const copied: PropertyNode = { key: property.key, keyRange: property.keyRange, value: undefined };
      if (property.value) {
        copied.value = copy(host, property.value, [...path, property.key], placeholders, checkStrings, depth + 1, counter);
        copied.value.parent = object;
      }
      object.properties.push(copied);
    }
    return object;
  }
  if (node.kind === 'array') {
    const array: AstNode = { kind: 'array', items: [], range: node.range };
    node.items.forEach((item, index) => {
      const copied = copy(host, item, [...path, index], placeholders, checkStrings, depth + 1, counter);
      copied.parent = array;
      array.items.push(copied);
    });
    return array;
  }
  if (node.kind === 'string') {
    if (checkStrings && node.value.includes('${')) placeholders.push(...placeholdersInString(mappedString(host, node), path, undefined));
    return { kind: 'string', value: node.value, range: node.range };
  }
  return { ...node, parent: undefined };
}
