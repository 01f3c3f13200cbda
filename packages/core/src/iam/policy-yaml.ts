/** YAML for a CloudFormation template: strings with `${…}` (pseudo parameters, template references) become `!Sub` so they resolve. */
import { createRequire } from 'node:module';
import type { PolicyDocument } from './policy-document.js';

const require = createRequire(import.meta.url);

export function policyToYaml(document: PolicyDocument | Readonly<Record<string, PolicyDocument>>): string {
  // Loaded here, not at the top: every lint run imports this module, and only `policy --format yaml` needs yaml.
  const { Document, visit } = require('yaml') as typeof import('yaml');
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
