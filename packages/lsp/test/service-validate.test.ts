import { defineRule } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../src/service/index.js';
import { documentOf } from './cursor.js';

const BROKEN_NEXT = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "Bee" },\n    "B": { "Type": "Succeed" }\n  }\n}\n';

describe('validate', () => {
  it('returns LSP diagnostics with rule id, docs link, source, severity and 0-based UTF-16 ranges', () => {
    const service = createLanguageService();
    const diagnostics = service.validate(documentOf(BROKEN_NEXT));
    expect(diagnostics).toEqual([
      {
        range: { start: { line: 3, character: 35 }, end: { line: 3, character: 40 } },
        severity: 1,
        code: 'asl/transitions',
        codeDescription: { href: 'https://github.com/asl-lint/asl-lint/blob/main/docs/rules/asl/transitions.md' },
        source: 'asl-lint',
        message: 'State "A": Next "Bee" names no state in the state machine',
        data: { version: 1 },
      },
      {
        range: { start: { line: 4, character: 4 }, end: { line: 4, character: 7 } },
        severity: 1,
        code: 'asl/unreachable-state',
        codeDescription: { href: 'https://github.com/asl-lint/asl-lint/blob/main/docs/rules/asl/unreachable-state.md' },
        source: 'asl-lint',
        message: 'State "B" is never reached from StartAt "A"',
        data: { version: 1 },
        tags: [1],
      },
    ]);
  });

  it('counts columns in UTF-16 code units, as LSP does by default', () => {
    const text = '{\n  "StartAt": "😀",\n  "States": { "😀": { "Type": "Pass", "Next": "😀x" } }\n}\n';
    const [diagnostic] = createLanguageService().validate(documentOf(text)).filter((d) => d.code === 'asl/transitions');
    // The emoji before the target counts two units: 46 UTF-16 units, 45 code points.
    expect(diagnostic.range).toEqual({ start: { line: 2, character: 46 }, end: { line: 2, character: 51 } });
    const line = text.split('\n')[2];
    expect([line.indexOf('"😀x"'), [...line.slice(0, line.indexOf('"😀x"'))].length]).toEqual([46, 45]);
  });

  it('lints YAML documents by their extension', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n';
    const diagnostics = createLanguageService().validate(documentOf(text, 'file:///work/flow.asl.yaml'));
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([['asl/transitions', 4, 10, 17]]);
  });

  it('answers text that does not parse with an asl/parse diagnostic and never throws', () => {
    const service = createLanguageService();
    const diagnostics = service.validate(documentOf('{\n  "StartAt": "A",\n  "States": {'));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'asl/parse')).toBe(true);
    for (const text of ['', '\u0000\u0001', '[[[[', ': : :', '{"States": 5}', '\uFEFF{}', 'a: [b, {c: }']) {
      expect(() => service.validate(documentOf(text, 'file:///work/x.asl.yaml'))).not.toThrow();
      expect(() => service.validate(documentOf(text))).not.toThrow();
    }
  });

  it('turns related locations into relatedInformation and fixes into data', () => {
    const rule = defineRule({
      meta: {
        id: 'test/related',
        description: 'test rule',
        severity: 'warning',
        fix: 'safe',
        messages: { found: 'State "{{name}}" is a Pass state' },
        docs: { whatItDoes: 'x', whyItMatters: 'y', examples: { invalid: [], valid: [] } },
      },
      check(context) {
        for (const state of context.machine.states) {
          if (state.type !== 'Pass') continue;
          context.report({
            path: [...state.path, 'Type'],
            messageId: 'found',
            data: { name: state.name },
            related: [{ path: ['StartAt'], message: 'the start' }],
            fix: { message: 'Make it a Succeed state', changes: [{ kind: 'replace-value', path: [...state.path, 'Type'], value: 'Succeed' }] },
          });
        }
      },
    });
    const text = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "End": true } }\n}\n';
    const service = createLanguageService({ rules: [rule] });
    const [diagnostic] = service.validate(documentOf(text, 'file:///work/flow.asl.json', 7));
    expect(diagnostic.severity).toBe(2);
    expect(diagnostic.relatedInformation).toEqual([
      { location: { uri: 'file:///work/flow.asl.json', range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } } }, message: 'the start' },
    ]);
    expect(diagnostic.data).toEqual({
      version: 7,
      fixes: [{ title: 'Make it a Succeed state', safe: true, edits: [{ range: { start: { line: 2, character: 29 }, end: { line: 2, character: 35 } }, newText: '"Succeed"' }] }],
    });
  });

  it('drops findings that a suppression directive silences', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transitions -- reason\n    Next: Nowhere\n';
    expect(createLanguageService().validate(documentOf(text, 'file:///work/flow.asl.yaml'))).toEqual([]);
  });
});

describe('which documents get diagnostics', () => {
  it('stays silent on JSON and YAML that are not state machines, when an editor sends every such file', () => {
    const service = createLanguageService();
    expect(service.validate(documentOf('{ "name": "pkg", "version": "1.0.0" }', 'file:///work/package.json'))).toEqual([]);
    expect(service.validate(documentOf('{ // comment\n "compilerOptions": {}, }', 'file:///work/tsconfig.json'))).toEqual([]);
    expect(service.validate(documentOf('on: push\njobs: {}\n', 'file:///work/.github/workflows/ci.yml'))).toEqual([]);
  });

  it('lints *.asl.* files always, and other files whose top level has StartAt and States', () => {
    const service = createLanguageService();
    expect(service.validate(documentOf('{ "name": "pkg" }', 'file:///work/flow.asl.json')).length).toBeGreaterThan(0);
    expect(service.validate(documentOf(BROKEN_NEXT, 'file:///work/machine.json')).map((d) => d.code)).toEqual(['asl/transitions', 'asl/unreachable-state']);
    expect(service.validate(documentOf(BROKEN_NEXT, 'untitled:Untitled-1')).map((d) => d.code)).toEqual(['asl/transitions', 'asl/unreachable-state']);
  });
});

describe('cache and configuration', () => {
  it('lints each document version once and reuses the analysis for every feature', () => {
    const service = createLanguageService();
    const first = service.analyze(documentOf(BROKEN_NEXT, 'file:///work/a.asl.json', 1));
    expect(service.analyze(documentOf(BROKEN_NEXT, 'file:///work/a.asl.json', 1))).toBe(first);
    const second = service.analyze(documentOf(BROKEN_NEXT.replace('Bee', 'B'), 'file:///work/a.asl.json', 2));
    expect(second).not.toBe(first);
    expect(second.diagnostics).toEqual([]);
  });

  it('applies editor rule overrides and workflowType, and names invalid entries without dropping the rest', () => {
    const service = createLanguageService();
    const document = documentOf(BROKEN_NEXT);
    const before = service.analyze(document);
    service.configure({ rules: { 'asl/unreachable-state': 'off', 'asl/transitionz': 'error', 'asl/transitions': 'warn' }, workflowType: 'EXPRESS' });
    const after = service.analyze(document);
    expect(after).not.toBe(before);
    expect(after.diagnostics.map((d) => [d.code, d.severity])).toEqual([['asl/transitions', 2]]);
    expect(after.configuration.settings).toEqual({ workflowType: 'EXPRESS' });
    expect(service.configurationProblems(document)).toEqual(['Unknown rule "asl/transitionz" (did you mean "asl/transitions"?)']);
  });

  it('reads the project configuration for the document path, editor settings over it', () => {
    const seen: string[] = [];
    const service = createLanguageService({
      projectConfiguration: (filePath) => {
        seen.push(filePath);
        return { rules: [{ 'asl/transitions': 'off' }], ignored: filePath.endsWith('ignored.asl.json') };
      },
    });
    expect(service.validate(documentOf(BROKEN_NEXT, 'file:///work/p/a.asl.json')).map((d) => d.code)).toEqual(['asl/unreachable-state']);
    expect(service.validate(documentOf(BROKEN_NEXT, 'file:///work/p/ignored.asl.json'))).toEqual([]);
    service.configure({ rules: { 'asl/transitions': 'error' } });
    expect(service.validate(documentOf(BROKEN_NEXT, 'file:///work/p/a.asl.json')).map((d) => d.code)).toEqual(['asl/transitions', 'asl/unreachable-state']);
    expect(seen[0]).toBe('/work/p/a.asl.json');
  });

  it('uses every rule of the rule set by default', () => {
    expect(createLanguageService().analyze(documentOf('{}')).configuration.active.length).toBe(allRules.filter((rule) => rule.meta.recommended !== false).length);
  });
});

describe('validate: suppressions', () => {
  it('names the closest rule id for a misspelt id in a directive, as the CLI does', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transition -- renamed soon\n    Next: Bee\n  B:\n    Type: Succeed\n';
    const unused = createLanguageService()
      .validate(documentOf(text, 'file:///flow.asl.yaml'))
      .filter((d) => d.code === 'asl/unused-suppression');
    expect(unused.map((d) => d.message)).toEqual([expect.stringContaining('did you mean "asl/transitions"?')]);
  });

  it('re-lints a new version from the previous one and finds what a fresh service finds', () => {
    const states = Array.from({ length: 40 }, (_, i) => `    "S${i}": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f${i}", "Payload.$": "$" }, "Next": "S${i + 1}" }`);
    const text = `{\n  "StartAt": "S0",\n  "States": {\n${states.join(',\n')},\n    "S40": { "Type": "Succeed" }\n  }\n}\n`;
    const edits: [string, string][] = [
      ['"Next": "S6"', '"Next": "S6x"'],
      ['"Payload.$": "$"', '"Payload.$": "States.Format("'],
      ['"S20": { "Type": "Task"', '"S20": { "Type": "Tsk"'],
      ['"Next": "S6x"', '"Next": "S6"'],
    ];
    const service = createLanguageService();
    let current = text;
    service.validate(documentOf(current, 'file:///work/flow.asl.json', 1));
    edits.forEach(([from, to], i) => {
      current = current.replace(from, to);
      const version = i + 2;
      const incremental = service.validate(documentOf(current, 'file:///work/flow.asl.json', version));
      expect(incremental).toEqual(createLanguageService().validate(documentOf(current, 'file:///work/flow.asl.json', version)));
      expect(incremental.length).toBeGreaterThan(i === 3 ? 1 : 0);
    });
    expect(service.validate(documentOf(current, 'file:///work/flow.asl.json', 9)).map((d) => d.message)).toEqual([
      'State "S0": "Payload.$" in Parameters "States.Format(" is not a well-formed intrinsic function call: expected an argument (character 15)',
      'State "S20": unknown type "Tsk" (did you mean "Task"?); the state types are Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map',
    ]);
  });
});
