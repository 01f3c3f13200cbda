import { defineRule, type Rule } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../src/service/index.js';
import { applyEdits, documentOf } from './cursor.js';

/** A rule with a safe fix and a suggestion, so these tests do not depend on which rules ship fixes. */
const passToSucceed: Rule = defineRule({
  meta: {
    id: 'test/pass-to-succeed',
    description: 'test rule',
    severity: 'warning',
    fix: 'safe',
    messages: { found: 'State "{{name}}" is a Pass state that ends' },
    docs: { whatItDoes: 'x', whyItMatters: 'y', examples: { invalid: [], valid: [] } },
  },
  check(context) {
    for (const state of context.machine.states) {
      if (state.type !== 'Pass' || !state.isEnd) continue;
      context.report({
        path: [...state.path, 'Type'],
        messageId: 'found',
        data: { name: state.name },
        fix: { message: 'Make it a Succeed state', changes: [{ kind: 'replace-value', path: [...state.path, 'Type'], value: 'Succeed' }] },
        suggestions: [{ message: 'Add a comment instead', changes: [{ kind: 'replace-value', path: [...state.path, 'End'], value: true }] }],
      });
    }
  },
});

const rules = [...allRules, passToSucceed];
const TWO_PASSES = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" },\n    "B": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}\n';

function actionsFor(text: string, uri = 'file:///work/flow.asl.json', only?: string[]) {
  const service = createLanguageService({ rules });
  const document = documentOf(text, uri);
  const diagnostics = service.validate(document);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { service, document, diagnostics, actions: service.codeActions(document, range, only ? { diagnostics, only } : { diagnostics }) };
}

describe('codeActions', () => {
  it('offers the rule fix as the preferred quick fix, the suggestion, and a Comment directive for the state', () => {
    const { document, actions, diagnostics } = actionsFor(TWO_PASSES);
    expect(diagnostics.map((d) => d.code)).toEqual(['test/pass-to-succeed']);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Make it a Succeed state', 'quickfix', true],
      ['Add a comment instead', 'quickfix', false],
      ['Disable test/pass-to-succeed for state "B"', 'quickfix', false],
      ['Fix all safely fixable asl-lint problems', 'source.fixAll.asl-lint', false],
    ]);
    expect(actions[0].diagnostics).toEqual([diagnostics[0]]);
    expect(applyEdits(document, actions[0].edit!.changes![document.uri])).toBe(TWO_PASSES.replace('"Type": "Pass",\n      "End"', '"Type": "Succeed",\n      "End"'));
    expect(applyEdits(document, actions[2].edit!.changes![document.uri])).toBe(
      TWO_PASSES.replace('"B": {\n      "Type"', '"B": {\n      "Comment": "asl-lint-disable test/pass-to-succeed -- reason",\n      "Type"'),
    );
  });

  it('the Comment directive silences the finding, and joins an existing directive instead of adding a second', () => {
    const { service, document, actions } = actionsFor(TWO_PASSES);
    const disabled = applyEdits(document, actions[2].edit!.changes![document.uri]);
    const next = documentOf(disabled, document.uri, 2);
    expect(service.validate(next)).toEqual([]);

    const existing = '{\n  "StartAt": "B",\n  "States": { "B": { "Comment": "ends here asl-lint-disable asl/state-names -- long name is fine", "Type": "Pass", "End": true } }\n}\n';
    const second = actionsFor(existing);
    const disable = second.actions.find((a) => a.title.startsWith('Disable'))!;
    expect(applyEdits(second.document, disable.edit!.changes![second.document.uri])).toBe(
      existing.replace('asl-lint-disable asl/state-names -- long', 'asl-lint-disable asl/state-names, test/pass-to-succeed -- long'),
    );
  });

  it('counts a finding on the state name as inside the state', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succeed" },\n    "B": { "Type": "Succeed" }\n  }\n}\n';
    const { service, document, actions } = actionsFor(text);
    expect(actions.map((a) => a.title)).toEqual(['Disable asl/unreachable-state for state "B"']);
    const disabled = applyEdits(document, actions[0].edit!.changes![document.uri]);
    expect(disabled).toContain('"B": { "Comment": "asl-lint-disable asl/unreachable-state -- reason", "Type": "Succeed" }');
    expect(service.validate(documentOf(disabled, document.uri, 2))).toEqual([]);
  });

  it('adds a Comment to a one-line state and to an empty state', () => {
    const oneLine = '{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}';
    const { document, actions } = actionsFor(oneLine);
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    expect(applyEdits(document, disable.edit!.changes![document.uri])).toBe(oneLine.replace('{"Type"', '{"Comment": "asl-lint-disable test/pass-to-succeed -- reason", "Type"'));
  });

  it('in YAML, disables the rule with a comment above the finding, which silences it', () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n';
    const { service, document, actions } = actionsFor(yaml, 'file:///work/flow.asl.yaml');
    expect(actions.map((a) => a.title)).toEqual(['Disable asl/transitions for this line', 'Disable asl/transitions for state "A"']);
    const disabled = applyEdits(document, actions[0].edit!.changes![document.uri]);
    expect(disabled).toBe('StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transitions -- reason\n    Next: Nowhere\n');
    expect(service.validate(documentOf(disabled, document.uri, 2))).toEqual([]);
    const forState = applyEdits(document, actions[1].edit!.changes![document.uri]);
    expect(forState).toBe('StartAt: A\nStates:\n  A:\n    Comment: "asl-lint-disable asl/transitions -- reason"\n    Type: Pass\n    Next: Nowhere\n');
    expect(service.validate(documentOf(forState, document.uri, 3))).toEqual([]);
  });

  it('in YAML, indents the comment past a sequence dash', () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Choice\n    Choices:\n      - Next: Nowhere\n        Variable: $.x\n        IsPresent: true\n    Default: A\n';
    const { document, actions } = actionsFor(yaml, 'file:///work/flow.asl.yaml');
    const disable = actions.find((a) => a.title === 'Disable asl/transitions for this line')!;
    expect(applyEdits(document, disable.edit!.changes![document.uri])).toContain('    Choices:\n        # asl-lint-disable-next-line asl/transitions -- reason\n      - Next: Nowhere\n');
  });

  it('offers one disable action per rule and line in a template, and the rule fixes at their host positions', () => {
    const template = "Resources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: Run\n        States:\n          Run:\n            Type: Task\n            Resource: arn:aws:states:::eks:runJob\n            Parameters:\n              ClusterName: c\n            End: true\n";
    const { document, actions, diagnostics } = actionsFor(template, 'file:///work/template.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['eks/run-job-sync', 'eks/parameters', 'eks/parameters', 'eks/parameters']);
    expect(actions.map((a) => a.title)).toEqual([
      'Append .sync',
      'Disable eks/run-job-sync for this line',
      'Disable eks/run-job-sync for state "Run"',
      'Disable eks/parameters for this line',
      'Disable eks/parameters for state "Run"',
      'Fix all safely fixable asl-lint problems',
    ]);
    expect(applyEdits(document, actions[0].edit!.changes![document.uri])).toBe(template.replace('eks:runJob\n', 'eks:runJob.sync\n'));
    expect(applyEdits(document, actions[2].edit!.changes![document.uri])).toBe(template.replace('          Run:\n', '          Run:\n            Comment: "asl-lint-disable eks/run-job-sync -- reason"\n'));
  });

  it('source.fixAll applies every safe fix at once and nothing else', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Parallel", "Branches": [\n      { "StartAt": "X", "States": { "X": { "Type": "Pass", "End": true } } },\n      { "StartAt": "Y", "States": { "Y": { "Type": "Pass", "End": true } } }\n    ], "End": true }\n  }\n}\n';
    const { document, actions } = actionsFor(text, 'file:///work/flow.asl.json', ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.asl-lint']);
    expect(applyEdits(document, actions[0].edit!.changes![document.uri])).toBe(text.replaceAll('"Type": "Pass"', '"Type": "Succeed"'));
  });

  it('uses the fixes of the current version when the client sends a diagnostic from an older one', () => {
    const { service, diagnostics } = actionsFor(TWO_PASSES);
    const newer = documentOf(TWO_PASSES, 'file:///work/flow.asl.json', 5);
    const stale = { ...diagnostics[0], data: { version: 1 } };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = service.codeActions(newer, range, { diagnostics: [stale], only: ['quickfix'] });
    expect(actions[0].title).toBe('Make it a Succeed state');
    expect(actions[0].edit!.changes![newer.uri]).toEqual((service.validate(newer)[0].data as { fixes: { edits: unknown }[] }).fixes[0].edits);
  });

  it('ignores diagnostics of other tools', () => {
    const { service, document } = actionsFor(TWO_PASSES);
    const foreign = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'json', code: 1 };
    expect(service.codeActions(document, foreign.range, { diagnostics: [foreign], only: ['quickfix'] })).toEqual([]);
  });
});
