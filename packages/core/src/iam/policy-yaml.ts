/** YAML for a CloudFormation template: strings with `${…}` (pseudo parameters, template references) become `!Sub` so they resolve. */
import { Document, visit } from 'yaml';
import type { PolicyDocument } from './policy-document.js';

export function policyToYaml(document: PolicyDocument | Readonly<Record<string, PolicyDocument>>): string {
  const yaml = new Document(document);
  visit(yaml, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('${')) node.tag = '!Sub';
      // `2012-10-17` is a date to YAML 1.1 readers: always quote it.
      if (/^\d{4}-\d{2}-\d{2}$/.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return yaml.toString({ lineWidth: 0 });
}
