/**
 * `asl-lint policy <file>`: prints the IAM policy document the state machine's role needs (JSON, or YAML ready to
 * paste under a CloudFormation `PolicyDocument`), and with `--explain` why each statement is there (on stderr).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { derivePolicy, explainPolicy, lintText, policyToYaml, toLineColumn, type DerivedPolicy, type PolicyDocument } from '@asl-lint/core';
import type { CliIO } from './io.js';
import { readTextFile } from './read-text.js';

export const POLICY_HELP = `Usage: asl-lint policy <file> [options]

Prints the IAM policy document a state machine's role needs, derived from its definition
(a .asl.json/.asl.yaml file, or a CloudFormation/SAM template that holds state machines).

Options:
      --partition <p>     aws, aws-cn or aws-us-gov, for Task ARNs that do not name one
      --region <r>        the Region for resource ARNs (default: \${AWS::Region})
      --account <id>      the 12-digit account id for resource ARNs (default: \${AWS::AccountId})
  -f, --format <f>        json (default) or yaml (CloudFormation-ready: placeholders become !Sub)
      --explain           write, per statement, which states need it and why (to stderr)
      --aws-template      reproduce Step Functions' own templates instead of narrowing to literal names
  -h, --help              print this help

Exit codes: 0 policy printed, 2 usage error, unreadable file, or no definition that parses.
`;

const FATAL_PROBLEMS = new Set(['syntax', 'too-deep', 'too-large']);

export async function runPolicyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        partition: { type: 'string' },
        region: { type: 'string' },
        account: { type: 'string' },
        format: { type: 'string', short: 'f' },
        explain: { type: 'boolean' },
        'aws-template': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(POLICY_HELP);
    return 0;
  }
  if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'policy needs a file' : 'policy takes exactly one file');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'yaml') return usage(io, `--format expects json or yaml; got "${format}"`);
  if (values.account !== undefined && !/^\d{12}$/.test(values.account)) return usage(io, `--account expects a 12-digit account id; got "${values.account}"`);
  if (values.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(values.region)) return usage(io, `--region expects a Region such as us-east-1; got "${values.region}"`);

  const file = positionals[0];
  let text: string;
  try {
    text = readTextFile(resolve(io.cwd, file));
  } catch (error) {
    io.stderr.write(`asl-lint policy: cannot read ${file}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }

  const result = lintText(text, { filePath: file, rules: [] });
  const fatal = result.document.problems.find((problem) => FATAL_PROBLEMS.has(problem.kind)) ?? (result.document.root ? undefined : result.document.problems[0]);
  if (fatal || !result.document.root) {
    const where = fatal ? toLineColumn(result.lines, fatal.range) : { line: 1, column: 1 };
    io.stderr.write(`asl-lint policy: ${file}:${where.line}:${where.column}: cannot parse the file: ${fatal?.message ?? 'it is empty'}\n`);
    return 2;
  }
  const definitions = result.definitions.filter((definition) => definition.kind === 'state-machine');
  if (definitions.length === 0) {
    io.stderr.write(`asl-lint policy: ${file}: no state machine definition found\n`);
    return 2;
  }

  const options = {
    partition: values.partition,
    region: values.region,
    account: values.account,
    style: values['aws-template'] ? ('aws-template' as const) : ('least-privilege' as const),
  };
  const policies = definitions.map((definition, index) => ({
    name: definition.name ?? (definitions.length === 1 ? file : `StateMachine${index + 1}`),
    policy: derivePolicy(definition, options),
  }));

  const output: PolicyDocument | Record<string, PolicyDocument> =
    policies.length === 1 ? policies[0].policy.document : Object.fromEntries(policies.map(({ name, policy }) => [name, policy.document]));
  io.stdout.write(format === 'yaml' ? policyToYaml(output) : `${JSON.stringify(output, null, 2)}\n`);

  if (values.explain) {
    policies.forEach(({ name, policy }, index) => {
      io.stderr.write(`${index > 0 ? '\n' : ''}Policy for ${policies.length === 1 ? file : `${name} in ${file}`}: ${explainPolicy(policy)}`);
    });
  } else {
    const warnings = policies.reduce((sum, { policy }) => sum + countWarnings(policy), 0);
    if (warnings > 0) io.stderr.write(`asl-lint policy: ${warnings} warning${warnings === 1 ? '' : 's'} about this policy; run with --explain to read ${warnings === 1 ? 'it' : 'them'}\n`);
  }
  return 0;
}

function countWarnings(policy: DerivedPolicy): number {
  return policy.findings.filter((finding) => finding.severity === 'warning').length;
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`asl-lint policy: ${message}\nRun "asl-lint policy --help" for usage.\n`);
  return 2;
}
