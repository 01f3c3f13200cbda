import { CHOICE_COMPARISON_OPERATORS, defineRule, isObjectValue, isRfc3339Timestamp, isTemplateValue, type JsonValue, type Path, type RuleContext, type State } from '@asl-lint/core';

const OPERATORS = new Set(CHOICE_COMPARISON_OPERATORS);
const COMBINATORS = ['And', 'Or', 'Not'];
/** Keys that only JSONPath rules have; JSONata rules test with `Condition`. */
const JSONPATH_RULE_KEYS = new Set([...CHOICE_COMPARISON_OPERATORS, 'Variable', ...COMBINATORS]);

type Expected = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

/** What an operator compares against. */
function expectedValue(operator: string): Expected {
  if (operator.endsWith('Path')) return 'path';
  if (operator.startsWith('Is') || operator === 'BooleanEquals') return 'boolean';
  if (operator.startsWith('Numeric')) return 'number';
  if (operator.startsWith('Timestamp')) return 'timestamp';
  return 'string';
}

const EXPECTED_TEXT: Record<Expected, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  timestamp: 'a timestamp string',
  path: 'a path string',
};

function matchesType(expected: Expected, value: JsonValue): boolean {
  if (expected === 'number') return typeof value === 'number';
  if (expected === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string';
}

function describe(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `${typeof value === 'number' ? 'the number ' : ''}${value}`;
}

/** StringMatches escapes only `*` and `\` (reference §7.8); returns the offending index or -1. */
function badEscape(pattern: string): number {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    if (pattern[i + 1] !== '*' && pattern[i + 1] !== '\\') return i;
    i++;
  }
  return -1;
}

export default defineRule({
  meta: {
    id: 'asl/choice-rules',
    description: 'Choice rules need exactly one comparison (or And/Or/Not) with a Variable, Next only at the top, values of the operator\'s type, and Condition in JSONata',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      tooManyOperators: 'State "{{state}}": {{where}} has more than one comparison ({{operators}}); a rule takes exactly one, combine rules with "And" or "Or"',
      noOperator: 'State "{{state}}": {{where}} has no comparison operator (such as "StringEquals" or "IsPresent") and no "And", "Or" or "Not"',
      missingVariable: 'State "{{state}}": {{where}} compares with "{{operator}}" but has no "Variable" to compare',
      nestedNext: 'State "{{state}}": {{where}} is nested inside another rule and cannot have "Next"; only top-level rules transition',
      missingNext: 'State "{{state}}": {{where}} needs "Next", the state to go to when the rule matches',
      emptyCombination: 'State "{{state}}": {{where}}.{{operator}} is empty; give it at least one rule',
      wrongValueType: 'State "{{state}}": {{where}}.{{operator}} must be {{expected}}, not {{actual}}',
      badTimestamp: 'State "{{state}}": {{where}}.{{operator}} "{{value}}" is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")',
      badEscape: 'State "{{state}}": {{where}}.StringMatches {{value}} has an invalid escape at character {{column}}: a backslash may only precede "*" or another backslash',
      jsonPathInJsonata: 'State "{{state}}": {{where}} uses {{keys}}, which JSONata Choice rules do not accept; write the test as a "Condition" expression, e.g. "{% $states.input.status = \'done\' %}"',
      missingCondition: 'State "{{state}}": {{where}} needs "Condition", a JSONata expression or boolean that selects this rule',
    },
    docs: {
      whatItDoes:
        'Checks the rules of Choice states. In JSONPath states a rule is either a comparison — a `Variable` and exactly one operator (`StringEquals`, `NumericGreaterThanPath`, `IsPresent`, …) — or a combination (`And`/`Or` with a non-empty array of rules, `Not` with one rule); top-level rules need `Next` and nested rules must not have it; each operator\'s value must have its type (a number for `Numeric…`, a boolean for `BooleanEquals` and `Is…`, a string for `String…`, an RFC 3339 timestamp with uppercase `T`/`Z` for `Timestamp…`, a path string for `…Path`); `StringMatches` may escape only `*` and `\\`. In JSONata states a rule has a `Condition` and `Next`, and no `Variable` or operators. Path syntax is checked by `asl/paths`, field names and container types by `asl/schema`.',
      whyItMatters:
        'Step Functions rejects malformed rules when the state machine is created. Worse, a comparison whose value has the wrong type (`"NumericEquals": "5"`) or a timestamp in the wrong format is not always rejected but never matches, so the workflow silently takes the Default branch.',
      examples: {
        invalid: [
          {
            title: 'A number compared as a string',
            code: '{\n  "StartAt": "Check",\n  "States": {\n    "Check": {\n      "Type": "Choice",\n      "Choices": [{ "Variable": "$.attempts", "NumericGreaterThan": "3", "Next": "Give up" }],\n      "Default": "Give up"\n    },\n    "Give up": { "Type": "Succeed" }\n  }\n}\n',
          },
          {
            title: 'Two operators in one rule',
            code: '{\n  "StartAt": "Check",\n  "States": {\n    "Check": {\n      "Type": "Choice",\n      "Choices": [{ "Variable": "$.status", "StringEquals": "FAILED", "IsPresent": true, "Next": "Done" }],\n      "Default": "Done"\n    },\n    "Done": { "Type": "Succeed" }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Check",\n  "States": {\n    "Check": {\n      "Type": "Choice",\n      "Choices": [\n        { "And": [{ "Variable": "$.status", "StringEquals": "FAILED" }, { "Variable": "$.attempts", "NumericLessThan": 3 }], "Next": "Retry" },\n        { "Variable": "$.deadline", "TimestampLessThan": "2026-01-31T09:30:00Z", "Next": "Done" }\n      ],\n      "Default": "Done"\n    },\n    "Retry": { "Type": "Pass", "Next": "Done" },\n    "Done": { "Type": "Succeed" }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const state of context.machine.states) {
      if (state.type !== 'Choice' || !Array.isArray(state.fields.Choices)) continue;
      state.fields.Choices.forEach((rule, index) => {
        if (!isObjectValue(rule)) return;
        const base: Path = [...state.path, 'Choices', index];
        const where = `Choices[${index}]`;
        if (state.queryLanguage === 'JSONata') checkJsonataRule(state, rule, base, where, context.report);
        else checkJsonPathRules(state, rule, base, where, context.report);
      });
    }
  },
});

type Reporter = RuleContext['report'];

function checkJsonataRule(state: State, rule: { [key: string]: JsonValue }, base: Path, where: string, report: Reporter): void {
  const foreign = Object.keys(rule).filter((key) => JSONPATH_RULE_KEYS.has(key));
  if (foreign.length > 0) {
    const keys = foreign.map((key) => `"${key}"`).join(', ');
    report({ path: [...base, foreign[0]], at: 'key', messageId: 'jsonPathInJsonata', data: { state: state.name, where, keys } });
    return;
  }
  if (rule.Condition === undefined) report({ path: [...base, 'Condition'], messageId: 'missingCondition', data: { state: state.name, where } });
  if (rule.Next === undefined) report({ path: [...base, 'Next'], messageId: 'missingNext', data: { state: state.name, where } });
}

/** Walks a top-level JSONPath rule and its nested rules with an explicit stack. */
function checkJsonPathRules(state: State, top: { [key: string]: JsonValue }, topPath: Path, topWhere: string, report: Reporter): void {
  const stack: { rule: { [key: string]: JsonValue }; path: Path; where: string; nested: boolean }[] = [{ rule: top, path: topPath, where: topWhere, nested: false }];
  while (stack.length > 0) {
    const { rule, path, where, nested } = stack.pop()!;
    const data = { state: state.name, where };
    if (nested && rule.Next !== undefined) report({ path: [...path, 'Next'], at: 'key', messageId: 'nestedNext', data });
    if (!nested && rule.Next === undefined) report({ path: [...path, 'Next'], messageId: 'missingNext', data });

    const tests = Object.keys(rule).filter((key) => OPERATORS.has(key) || COMBINATORS.includes(key));
    if (tests.length === 0) {
      report({ path: [...path, rule.Variable !== undefined ? 'Variable' : 'Next'], at: 'key', messageId: 'noOperator', data });
      continue;
    }
    if (tests.length > 1) {
      report({ path: [...path, tests[1]], at: 'key', messageId: 'tooManyOperators', data: { ...data, operators: tests.map((key) => `"${key}"`).join(', ') } });
      continue;
    }
    const operator = tests[0];
    const value = rule[operator];
    if (operator === 'And' || operator === 'Or') {
      if (!Array.isArray(value)) continue;
      if (value.length === 0) report({ path: [...path, operator], messageId: 'emptyCombination', data: { ...data, operator } });
      for (let i = value.length - 1; i >= 0; i--) {
        const child = value[i];
        if (isObjectValue(child)) stack.push({ rule: child, path: [...path, operator, i], where: `${where}.${operator}[${i}]`, nested: true });
      }
      continue;
    }
    if (operator === 'Not') {
      if (isObjectValue(value)) stack.push({ rule: value, path: [...path, 'Not'], where: `${where}.Not`, nested: true });
      continue;
    }
    if (rule.Variable === undefined) report({ path: [...path, operator], at: 'key', messageId: 'missingVariable', data: { ...data, operator } });
    checkOperatorValue(operator, value, [...path, operator], { ...data, operator }, report);
  }
}

function checkOperatorValue(operator: string, value: JsonValue, path: Path, data: { state: string; where: string; operator: string }, report: Reporter): void {
  const expected = expectedValue(operator);
  // A `${…}` value is filled in by the template host: unknown here.
  if (isTemplateValue(value)) return;
  if (!matchesType(expected, value)) {
    report({ path, messageId: 'wrongValueType', data: { ...data, expected: EXPECTED_TEXT[expected], actual: describe(value) } });
    return;
  }
  // Path syntax is asl/paths' concern.
  if (expected === 'timestamp' && !isRfc3339Timestamp(value as string)) report({ path, messageId: 'badTimestamp', data: { ...data, value: value as string } });
  if (operator === 'StringMatches') {
    const at = badEscape(value as string);
    if (at >= 0) report({ path, messageId: 'badEscape', data: { ...data, value: JSON.stringify(value), column: at + 1 } });
  }
}
