/**
 * Our regular expressions run on user text (definitions, templates, CDK sources), so none may backtrack
 * catastrophically. This collects every regex literal, every `new RegExp`/`RegExp(...)` and every JSON Schema
 * `pattern` string in the sources, and reviews each with a safe-regex style check.
 * A computed `new RegExp(...)` cannot be reviewed and must be in the allowlist with the reason it is safe.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repo } from './support/cli-bin.js';
import { reviewRegex } from './support/regex-safety.js';

const ROOTS = ['packages/core/src', 'packages/config/src', 'packages/cli/src', 'packages/lsp/src', 'rules/src'];

/**
 * Reviewed exceptions: `file` and the regex source (or, for a computed RegExp, its argument's text), why the
 * shape the check flags cannot backtrack catastrophically here, and an attack input that must still fail fast.
 */
const ALLOWLIST: { file: string; source: string; flags: string; why: string; attack: string }[] = [
  {
    file: 'packages/core/src/catalog/eks.ts',
    source: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
    flags: '',
    why: 'each repetition of the outer group starts with a literal "." that neither inner class matches, so where an iteration begins is never ambiguous (and the name is length-checked)',
    attack: `${'a-'.repeat(20_000)}.${'a.'.repeat(20_000)}-!`,
  },
  {
    file: 'packages/core/src/expressions/jsonpath.ts',
    source: '^-?\\d+(\\s*,\\s*-?\\d+)+$',
    flags: '',
    why: 'each repetition must consume a ",", which neither \\s nor \\d matches, and \\s and \\d are disjoint: every split is forced',
    attack: `1${' , 1'.repeat(20_000)} ,`,
  },
  {
    file: 'packages/core/src/catalog/payload-schema.ts',
    source: 'catalogPattern',
    flags: '',
    why: 'validatePayload compiles the `pattern` strings of the parameter specs, each reviewed here where the catalog declares it (packages/core/test/catalog/payload-differential.test.ts checks that every spec pattern is such a literal)',
    attack: 'x',
  },
  {
    file: 'packages/cli/src/policy-command.ts',
    source: '^[a-z]{2}(-[a-z]+)+-\\d+$',
    flags: '',
    why: 'each repetition starts with "-", which [a-z] does not match, so the iterations are delimited (and it runs on one --region argument)',
    attack: `us${'-east'.repeat(20_000)}-x`,
  },
];

interface Found {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
  /** A computed pattern: its argument's text, not a regex. */
  readonly computed?: boolean;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|cjs|js|mjs)$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const root of ROOTS) if (existsSync(join(repo, root))) walk(join(repo, root));
  return files;
}

function stringValue(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

function collect(path: string): Found[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(repo, path);
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: Found[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const slash = literal.lastIndexOf('/');
      found.push({ file, line: at(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.length) {
      const [pattern, flags] = node.arguments;
      const value = stringValue(pattern);
      found.push(value === undefined ? { file, line: at(node), source: pattern.getText(source), flags: '', computed: true } : { file, line: at(node), source: value, flags: (flags && stringValue(flags)) ?? '' });
    } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === 'pattern') {
      // JSON Schema patterns: ajv compiles them with the u flag and runs them on user values.
      const value = stringValue(node.initializer);
      if (value !== undefined) found.push({ file, line: at(node), source: value, flags: 'u' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the check itself', () => {
  it.each([
    ['(a+)+$', 'nested-quantifier'],
    ['^(a*b?)*$', 'nested-quantifier'],
    ['(x+x+)+y', 'nested-quantifier'],
    ['^(a|a)*$', 'overlapping-alternatives'],
    ['^(a|ab)+c', 'overlapping-alternatives'],
    ['(\\w|\\d)+!', 'overlapping-alternatives'],
    ['([a-z]|[^"])*"', 'overlapping-alternatives'],
    ['(?:A|a)*x', 'overlapping-alternatives'],
  ])('flags %s (%s)', (source, kind) => {
    const flags = source === '(?:A|a)*x' ? 'i' : '';
    expect(reviewRegex(source, flags).map((p) => p.kind)).toContain(kind);
  });

  it.each(['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', '(\\d{1,3}\\.){3}\\d{1,3}', '(ab|cd)*', '^\\{%[\\s\\S]*%\\}$', '"(?:[^"\\\\]|\\\\.)*"', '^(Ref|Fn::.+)$', '[^\\]]+', '\\$\\{([^}]*)\\}', '(?<name>x)\\k<name>', '[\\u0000-\\u001f]+'])('passes %s', (source) => {
    expect(reviewRegex(source, 'u')).toEqual([]);
  });
});

describe('our regular expressions', () => {
  const found = sourceFiles().flatMap(collect);

  it('finds the regular expressions of the sources (the scan works)', () => {
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((f) => f.file === 'packages/core/src/catalog/eks.ts' && f.source === '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')).toBe(true);
  });

  it('none can backtrack catastrophically (or it is a reviewed exception)', () => {
    const unsafe = found.flatMap((f) => {
      const allowed = ALLOWLIST.some((a) => a.file === f.file && a.source === f.source);
      if (allowed) return [];
      if (f.computed) return [`${f.file}:${f.line}: a computed RegExp(${f.source}) cannot be reviewed`];
      return reviewRegex(f.source, f.flags).map((p) => `${f.file}:${f.line}: /${f.source}/${f.flags}: ${p.kind} (${p.detail})`);
    });
    expect(unsafe).toEqual([]);
  });

  it('every allowlist entry still matches a regular expression in the sources', () => {
    for (const entry of ALLOWLIST) expect(found.some((f) => f.file === entry.file && f.source === entry.source), `${entry.file}: ${entry.source}`).toBe(true);
  });

  it.each(ALLOWLIST.map((entry) => [entry.file, entry]))('the allowed expression in %s rejects its attack input in linear time', (_file, entry) => {
    const expression = new RegExp(entry.source, entry.flags);
    const started = performance.now();
    expect(expression.test(entry.attack)).toBe(false);
    // A quadratic or exponential expression takes seconds on these 80,000 characters; a linear one well under 1 ms.
    expect(performance.now() - started).toBeLessThan(250);
  });
});
