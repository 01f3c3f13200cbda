import { defineRule } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'asl/parse',
    description: 'The text must be valid JSON or YAML without duplicate keys',
    severity: 'error',
    fix: 'none',
    messages: {
      syntax: '{{message}}',
      'duplicate-key': '{{message}}',
      comment: '{{message}}',
      'trailing-comma': '{{message}}',
      'too-deep': '{{message}}',
      'too-large': '{{message}}',
      'yaml11-boolean': '{{message}}',
      empty: 'The file is empty: a state machine definition needs at least "StartAt" and "States"',
    },
    appliesTo: 'any',
    docs: {
      whatItDoes: 'Reports text that is not valid JSON or YAML, duplicate keys, and JSON comments or trailing commas, at the position of the fault. When the text does not parse, no other rule runs on it. In YAML it also warns about plain values such as `No`, `yes`, `on` and `off`: asl-lint reads YAML 1.2, where they are strings, but CloudFormation and the SAM CLI read YAML 1.1, where they are booleans (`Next: No` deploys as `Next: false`).',
      whyItMatters: 'Step Functions rejects a definition that is not valid JSON. A duplicate key is worse: JSON parsers keep the last value silently, so the state you read is not the state that runs.',
      examples: {
        invalid: [
          { title: 'A missing comma', code: '{\n  "StartAt": "A"\n  "States": { "A": { "Type": "Succeed" } }\n}\n' },
          { title: 'A duplicate key', code: '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Type": "Pass", "Next": "B" },\n    "B": { "Type": "Succeed" }\n  }\n}\n' },
        ],
        valid: [{ code: '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" } }\n}\n' }],
      },
    },
  },
  checkFile(context) {
    const { document } = context;
    const seen = new Set<string>();
    // A .jsonc file declares that comments are stripped before deployment (asl-lint directives live there).
    const commentsAllowed = /\.jsonc$/i.test(context.filePath);
    for (const problem of [...document.problems, ...context.embeddedProblems]) {
      if (commentsAllowed && problem.kind === 'comment') continue;
      if (problem.kind === 'yaml11-boolean') {
        // Only values that reach Step Functions matter: in a template, those inside a definition.
        const inDefinition = context.definitions.some((d) => d.host === 'asl' || (d.root.range.start <= problem.range.start && problem.range.end <= d.root.range.end));
        if (inDefinition) context.report({ path: [], range: problem.range, messageId: problem.kind, data: { message: problem.message }, severity: 'warning' });
        continue;
      }
      // An unterminated document yields one "expected }" per open object, all at the end: say it once.
      const key = `${problem.range.start}:${problem.range.end}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.report({ path: [], range: problem.range, messageId: problem.kind, data: { message: problem.message } });
    }
    if (!document.root && document.problems.length === 0 && document.language !== 'javascript') {
      context.report({ path: [], range: { start: 0, end: 0 }, messageId: 'empty' });
    }
  },
});
