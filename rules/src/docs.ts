import { docsUrl, type DocExample, type Rule } from '@asl-lint/core';

/** The docs page of one rule, with the fixed headings of STYLE.md item 5. */
export function renderRuleDoc(rule: Rule): string {
  const { meta } = rule;
  const { docs } = meta;
  const lines: string[] = [];
  lines.push(`# ${meta.id}`, '', meta.description + '.', '');
  lines.push(`- Default severity: **${meta.severity}**${meta.recommended === false ? ' (not in `recommended`)' : ''}`);
  lines.push(`- Fix: ${meta.fix === 'safe' ? 'safe fix, applied by `--fix`' : meta.fix === 'suggestion' ? 'suggestion, offered in the editor' : 'none'}`);
  lines.push('', '## What it does', '', docs.whatItDoes, '', '## Why it matters', '', docs.whyItMatters, '', '## Examples', '');
  const example = (kind: string, item: DocExample): void => {
    lines.push(`### ${kind}${item.title ? `: ${item.title}` : ''}`, '');
    if (item.workflowType) lines.push(`Workflow type: ${item.workflowType}`, '');
    lines.push('```' + (item.language ?? (item.code.trimStart().startsWith('{') ? 'json' : 'yaml')), item.code.replace(/\n$/, ''), '```', '');
  };
  for (const item of docs.examples.invalid) example('Invalid', item);
  for (const item of docs.examples.valid) example('Valid', item);
  lines.push('## Options', '', docs.options ?? 'None.', '');
  lines.push('## Fix safety', '', docs.fixSafety ?? (meta.fix === 'none' ? 'This rule has no fix.' : meta.fix === 'safe' ? 'The fix keeps the meaning of the definition and is applied by `--fix`.' : 'The suggestion changes behaviour; it is offered in the editor and never applied by `--fix`.'), '');
  return lines.join('\n');
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = ['# Rules', '', 'Generated from rule metadata by `pnpm run docs`.', '', '| Rule | Default | Fix | What it reports |', '|---|---|---|---|'];
  for (const rule of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    const fix = rule.meta.fix === 'safe' ? 'safe' : rule.meta.fix === 'suggestion' ? 'suggestion' : '';
    lines.push(`| [${rule.meta.id}](${rule.meta.id}.md) | ${rule.meta.severity} | ${fix} | ${rule.meta.description.replace(/\|/g, '\\|')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

export { docsUrl };
