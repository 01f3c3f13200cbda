/** What must hold when asl-lint fixes a text: shared by the regular fix property and `pnpm fuzz`. */
import { fixUntilStable, lintText, MAX_FIX_PASSES, parsedCleanly, toValue, type JsonValue, type LintResult } from '@asl-lint/core';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { everyRule } from './invariants.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const JOB = '{ "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "report" }, "spec": { "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } } } }';
const PARAMETERS = `"ClusterName": "batch", "CertificateAuthority": "LS0tLS1CRUdJTg==", "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com", "Job": ${JOB}`;

/** Hand-written files that exercise what a fix must keep: comments, CRLF, a BOM, anchors, flow style, suppressions. */
export const HANDWRITTEN: { name: string; text: string }[] = [
  {
    name: 'comments.asl.json',
    text: `{\n  // nightly\n  "StartAt": "Run",\n  "States": {\n    /* the Job */ "Run": { "Type": "Task", "Resource": "arn:aws:states:::eks:runJob", "Parameters": { ${PARAMETERS} }, "Next": "Again" },\n    "Again": { "Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:eks:runJob", "Parameters": { ${PARAMETERS} }, "End": true, },\n  }\n}\n`,
  },
  {
    name: 'crlf.asl.json',
    text: `\ufeff{\r\n\t"StartAt": "Run",\r\n\t"States": {\r\n\t\t"Run": {\r\n\t\t\t"Type": "Task",\r\n\t\t\t"Resource":    "arn:aws:states:::eks:runJob",\r\n\t\t\t"Parameters": { ${PARAMETERS} },\r\n\t\t\t"End": true\r\n\t\t}\r\n\t}\r\n}\r\n`,
  },
  {
    name: 'comments.asl.yaml',
    text: `# The nightly report\nStartAt: Run # first\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob   # wait for it\n    Parameters: { ${PARAMETERS} }\n    Next: Quoted\n  Quoted:\n    Type: Task\n    Resource: 'arn:aws:states:::eks:runJob'\n    Parameters: { ${PARAMETERS} }\n    Next: Flow\n  Flow: { Type: Task, Resource: "arn:aws:states:::eks:runJob", Parameters: { ${PARAMETERS} }, End: true }\n`,
  },
  {
    name: 'anchors.asl.yaml',
    text: `Comment: &arn arn:aws:states:::eks:runJob\nStartAt: Run\nStates:\n  Run: &task\n    Type: Task\n    Resource: *arn\n    Parameters: { ${PARAMETERS} }\n    Next: Copy\n  Copy:\n    <<: *task\n    End: true\n`,
  },
  {
    name: 'suppressed.asl.yaml',
    text: `StartAt: Run\nStates:\n  Run:\n    Type: Task\n    # asl-lint-disable-next-line eks/run-job-sync -- polled with eks:call\n    Resource: arn:aws:states:::eks:runJob\n    Parameters: { ${PARAMETERS} }\n    Next: Other\n  Other:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob\n    Parameters: { ${PARAMETERS} }\n    End: true\n`,
  },
  {
    name: 'template.yaml',
    text: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Nightly:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Run\n        States:\n          Run:\n            Type: Task\n            Resource: arn:aws:states:::eks:runJob\n            Parameters: { ${PARAMETERS} }\n            End: true\n  Sub:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        { "StartAt": "Run", "States": { "Run": { "Type": "Task", "Resource": "arn:\${AWS::Partition}:states:::eks:runJob", "Parameters": { ${PARAMETERS} }, "End": true } } }\n`,
  },
];

/** Every fixture and example, with `eks:runJob.sync` turned back into `eks:runJob` so the fix has work to do. */
export function fixSeeds(): { name: string; text: string }[] {
  const found = [...HANDWRITTEN];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|ya?ml)$/.test(entry) && !entry.endsWith('.expected.json') && statSync(path).size < 200_000) {
        const text = readFileSync(path, 'utf8');
        if (text.includes('eks:runJob')) found.push({ name: path.slice(repo.length + 1), text: text.replaceAll('eks:runJob.sync', 'eks:runJob') });
      }
    }
  };
  for (const dir of ['fixtures', 'examples']) if (existsSync(join(repo, dir))) walk(join(repo, dir));
  return found;
}

export const lintWith = (filePath: string) => (text: string): LintResult => lintText(text, { filePath, rules: everyRule });

/**
 * Where the values of the text before and after fixing differ, other than a Task resource gaining `.sync`: a
 * Resource string must be the old one plus `.sync`; a definition held in a string (DefinitionString) may only
 * gain `.sync` after `eks:runJob`. Returns the first path that changed otherwise.
 */
export function unexpectedChange(before: JsonValue, after: JsonValue, path: string[] = []): string | undefined {
  const stack: [JsonValue, JsonValue, string[]][] = [[before, after, path]];
  while (stack.length > 0) {
    const [a, b, at] = stack.pop()!;
    if (typeof a === 'string' && typeof b === 'string') {
      if (a === b) continue;
      if (at[at.length - 1] === 'Resource' && b === `${a}.sync`) continue;
      if (a.includes('StartAt') && b.replaceAll('eks:runJob.sync', 'eks:runJob') === a.replaceAll('eks:runJob.sync', 'eks:runJob')) continue;
      return `${at.join('.')}: ${JSON.stringify(a).slice(0, 80)} became ${JSON.stringify(b).slice(0, 80)}`;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
      if (a !== b) return `${at.join('.')}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`;
      continue;
    }
    if (Array.isArray(a) !== Array.isArray(b)) return `${at.join('.')}: changed shape`;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${at.join('.')}: keys changed`;
    for (const key of keysA) stack.push([(a as Record<string, JsonValue>)[key], (b as Record<string, JsonValue>)[key], [...at, key]]);
  }
  return undefined;
}

export interface FixViolation {
  readonly problem: string;
  readonly detail?: string;
}

/** Fixing `text` twice equals once; unparsable text is never changed; the output parses; only resources change. */
export function checkFix(text: string, filePath: string): FixViolation | undefined {
  const lint = lintWith(filePath);
  const before = lint(text);
  const once = fixUntilStable(text, lint);
  if (!parsedCleanly(before)) {
    return once.output === text ? undefined : { problem: 'changed a text that does not parse' };
  }
  if (!parsedCleanly(once.result)) return { problem: 'the fixed text does not parse' };
  const twice = fixUntilStable(once.output, lint);
  if (twice.output !== once.output) return { problem: 'fixing twice differs from fixing once', detail: `${twice.fixCount} more fixes` };
  if (once.output !== text && before.document.root && once.result.document.root) {
    const changed = unexpectedChange(toValue(before.document.root), toValue(once.result.document.root));
    if (changed) return { problem: 'a fix changed more than the resource it names', detail: changed };
    if (once.result.document.comments.length !== before.document.comments.length) return { problem: 'a fix lost a comment' };
  }
  const left = once.result.diagnostics.filter((d) => d.fix && !d.suppressed);
  if (left.length > 0 && once.passes < MAX_FIX_PASSES) return { problem: 'fixable findings left after fixing', detail: left.map((d) => d.message).join('; ') };
  return undefined;
}
