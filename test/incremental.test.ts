/**
 * Incremental re-lint (editors) must find exactly what a full lint finds. Rules that declare `locality: 'state'`
 * promise that what they report inside a top-level state depends on that state's text alone; this test holds them
 * to it: every definition of the fixtures, the examples, generated definitions and the corpus gets chains of small
 * edits (a character typed or deleted in a string or a key, a string replaced by another of the document — a state
 * name, say —, a number changed, a string turned into a number), and each version is linted incrementally from the
 * previous one and in full. The two must agree on every finding, position, fix and related location.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, parseText, reparseJson, resolveRules, type AstNode, type LintResult, type ParsedDocument, type Range } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { generateDefinition } from '../bench/generate-definition.mjs';
import { corpusDir, publishedDefinitions } from './support/corpus.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const rules = resolveRules(allRules, []);
const settings = {};

function definitionFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.asl\.(json|ya?ml)$/.test(name))
    .map((name) => join(dir, name))
    .sort();
}

/** A small deterministic generator, so a failure names an edit that can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Edit {
  readonly range: Range;
  readonly text: string;
  readonly what: string;
}

function collect(root: AstNode | undefined): { strings: AstNode[]; numbers: AstNode[]; keys: Range[] } {
  const strings: AstNode[] = [];
  const numbers: AstNode[] = [];
  const keys: Range[] = [];
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'string') strings.push(node);
    else if (node.kind === 'number') numbers.push(node);
    else if (node.kind === 'array') stack.push(...node.items);
    else if (node.kind === 'object') {
      for (const property of node.properties) {
        keys.push(property.keyRange);
        if (property.value) stack.push(property.value);
      }
    }
  }
  return { strings, numbers, keys };
}

function randomEdit(text: string, language: 'json' | 'yaml', next: () => number): Edit | undefined {
  const { strings, numbers, keys } = collect(parseText(text, language).root);
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[Math.floor(next() * items.length)] : undefined);
  const quoted = (node: AstNode): boolean => text[node.range.start] === '"';
  // Strings whose source is a plain JSON string token: edits inside them keep the document well-formed.
  const simple = strings.filter((node) => quoted(node) && !text.slice(node.range.start, node.range.end).includes('\\'));
  switch (Math.floor(next() * 6)) {
    case 0: {
      const node = pick(simple);
      if (!node) return undefined;
      const at = node.range.start + 1 + Math.floor(next() * (node.range.end - node.range.start - 1));
      return { range: { start: at, end: at }, text: 'x', what: `type "x" at ${at}` };
    }
    case 1: {
      const node = pick(simple.filter((n) => n.range.end - n.range.start > 2));
      if (!node) return undefined;
      const at = node.range.start + 1 + Math.floor(next() * (node.range.end - node.range.start - 2));
      return { range: { start: at, end: at + 1 }, text: '', what: `delete the character at ${at}` };
    }
    case 2: {
      const node = pick(simple);
      const other = pick(strings);
      if (!node || !other || other.kind !== 'string') return undefined;
      return { range: node.range, text: JSON.stringify(other.value), what: `replace the string at ${node.range.start} with ${JSON.stringify(other.value).slice(0, 60)}` };
    }
    case 3: {
      const node = pick(numbers);
      if (!node || node.kind !== 'number') return undefined;
      const value = pick([0, -1, node.value + 1, 1e9, 0.5]);
      return { range: node.range, text: String(value), what: `set the number at ${node.range.start} to ${value}` };
    }
    case 4: {
      const key = pick(keys.filter((range) => range.end - range.start > 2 && text[range.start] === (language === 'json' ? '"' : text[range.start])));
      if (!key) return undefined;
      const at = key.start + 1;
      return { range: { start: at, end: at }, text: 'x', what: `type "x" into the key at ${key.start}` };
    }
    default: {
      const node = pick(simple);
      if (!node) return undefined;
      return { range: node.range, text: '7', what: `turn the string at ${node.range.start} into 7` };
    }
  }
}

const comparable = (result: LintResult) => result.diagnostics;
/** Documents whose tree was re-parsed in place rather than parsed anew. */
let reparsed = 0;

/** A tree as plain data: kinds, values, keys, ranges, and whether each node's parent is the node holding it. */
function shape(document: ParsedDocument): unknown {
  const walk = (node: AstNode | undefined, parent: AstNode | undefined): unknown => {
    if (!node) return null;
    const base = { kind: node.kind, range: [node.range.start, node.range.end], parentOk: (node as { parent?: AstNode }).parent === parent };
    if (node.kind === 'object') return { ...base, properties: node.properties.map((p) => [p.key, p.keyRange.start, p.keyRange.end, walk(p.value, node)]) };
    if (node.kind === 'array') return { ...base, items: node.items.map((item) => walk(item, node)) };
    return { ...base, value: node.value };
  };
  return { root: walk(document.root, undefined), problems: document.problems, comments: document.comments };
}

function checkDocument(name: string, original: string, seed: number, chains: number, length: number): void {
  const language = /\.ya?ml$/.test(name) ? 'yaml' : 'json';
  const next = random(seed);
  for (let chain = 0; chain < chains; chain++) {
    let text = original;
    let previous = lintText(text, { filePath: name, rules, settings, incremental: {} });
    expect(comparable(previous), `${name}: an incremental first run is a full run`).toEqual(comparable(lintText(text, { filePath: name, rules, settings })));
    const history: string[] = [];
    for (let step = 0; step < length; step++) {
      const edit = randomEdit(text, language, next);
      if (!edit) break;
      text = text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
      history.push(edit.what);
      const reused = language === 'json' && !previous.consumed && previous.document.problems.length === 0;
      const incremental = lintText(text, { filePath: name, rules, settings, incremental: { previous } });
      const full = lintText(text, { filePath: name, rules, settings });
      expect(comparable(incremental), `${name}, after: ${history.join('; ')}`).toEqual(comparable(full));
      if (previous.consumed) {
        reparsed++;
        expect(reused).toBe(true);
        expect(shape(incremental.document), `${name}: the re-parsed tree, after: ${history.join('; ')}`).toEqual(shape(full.document));
      }
      previous = incremental;
    }
  }
}

describe('incremental re-lint finds what a full lint finds', () => {
  const files = [...definitionFiles(join(repo, 'fixtures')), ...definitionFiles(join(repo, 'examples'))];

  it('on the fixtures and examples', () => {
    expect(files.length).toBeGreaterThan(50);
    const before = reparsed;
    files.forEach((file, i) => checkDocument(relative(repo, file), readFileSync(file, 'utf8'), 1000 + i, 3, 4));
    // Most JSON edits were re-parsed in place (the rest broke the JSON or touched no container's inside).
    expect(reparsed - before).toBeGreaterThan(100);
  });

  it('on generated definitions (Parallel, Map, Choice, EKS chains)', () => {
    for (const size of [60, 300]) checkDocument(`generated-${size}.asl.json`, JSON.stringify(generateDefinition(size), null, 2), size, 4, 6);
  });

  it('moves the nodes after an edit and keeps those before it, in a 300-state definition', () => {
    const text = JSON.stringify(generateDefinition(300), null, 2);
    const before = parseText(text, 'json');
    const first = (before.root as { properties: { value: AstNode }[] }).properties;
    const at = text.indexOf('"Report 3.1"') + 2;
    const changed = text.slice(0, at) + 'x' + text.slice(at);
    const after = reparseJson(before, text, changed)!;
    expect(after).toBeDefined();
    expect(after.root).toBe(before.root);
    expect(shape(after)).toEqual(shape(parseText(changed, 'json')));
    // Nothing was re-parsed outside the edited branch: the Comment's node is the same object.
    expect((after.root as { properties: { value: AstNode }[] }).properties[0].value).toBe(first[0].value);
    // An edit that breaks the JSON, or one at the edge of the text, leaves the whole parse to the caller.
    expect(reparseJson(parseText(text, 'json'), text, text.slice(0, at) + '"' + text.slice(at))).toBeUndefined();
    expect(reparseJson(parseText(text, 'json'), text, ' ' + text)).toBeUndefined();
  });

  it.skipIf(!existsSync(corpusDir))('on the real definitions of the corpus', () => {
    const corpusDefinitions = publishedDefinitions();
    expect(corpusDefinitions.length).toBeGreaterThan(100);
    corpusDefinitions.forEach((file, i) => checkDocument(relative(corpusDir, file), readFileSync(file, 'utf8'), 5000 + i, 2, 3));
  });

  it('reuses the findings of unchanged states instead of checking them again', () => {
    const text = JSON.stringify(generateDefinition(300), null, 2);
    const checked: string[] = [];
    const spy = {
      ...rules[0],
      rule: {
        ...rules[0].rule,
        meta: { ...rules[0].rule.meta, id: 'test/spy', locality: 'state' as const, messages: { seen: '{{name}}' } },
        check: (context: Parameters<NonNullable<(typeof rules)[0]['rule']['check']>>[0]) => {
          for (const state of context.machine.states) {
            checked.push(state.name);
            context.report({ path: state.path, at: 'key', messageId: 'seen', data: { name: state.name } });
          }
        },
        checkFile: undefined,
      },
    };
    const spyRules = [spy];
    const first = lintText(text, { filePath: 'g.asl.json', rules: spyRules, settings, incremental: {} });
    const total = checked.length;
    checked.length = 0;
    const at = text.indexOf('"Report 3.1"') + 2;
    const changed = text.slice(0, at) + 'x' + text.slice(at);
    const second = lintText(changed, { filePath: 'g.asl.json', rules: spyRules, settings, incremental: { previous: first } });
    // Only the states under the edited top-level state ran again; every state still has its finding, at its new place.
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThan(total / 10);
    expect(second.diagnostics.map((d) => [d.message, d.range])).toEqual(
      lintText(changed, { filePath: 'g.asl.json', rules: spyRules, settings }).diagnostics.map((d) => [d.message, d.range]),
    );
    expect(second.diagnostics).toHaveLength(total);
  });
});
