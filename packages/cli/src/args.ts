import { parseArgs } from 'node:util';
import type { SeveritySetting, WorkflowType } from '@asl-lint/core';
import { UsageError } from './io.js';

export interface CliOptions {
  readonly patterns: string[];
  readonly formats: string[];
  readonly outputFiles: string[];
  readonly quiet: boolean;
  readonly maxWarnings: number | undefined;
  readonly rules: Record<string, SeveritySetting>;
  readonly listRules: boolean;
  readonly stdin: boolean;
  readonly stdinFilename: string | undefined;
  readonly version: boolean;
  readonly help: boolean;
  readonly color: boolean | undefined;
  readonly workflowType: WorkflowType | undefined;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly config: string | undefined;
  readonly printConfig: string | undefined;
  readonly cdk: boolean;
}

const SEVERITIES = new Set(['off', 'info', 'warn', 'warning', 'error']);

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        'output-file': { type: 'string', short: 'o', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true },
        'list-rules': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'workflow-type': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        cdk: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values;
  const rules: Record<string, SeveritySetting> = {};
  for (const entry of values.rule ?? []) {
    const match = /^([^=]+)=(.+)$/.exec(entry);
    if (!match || !SEVERITIES.has(match[2])) {
      throw new UsageError(`--rule expects id=severity with severity off, info, warn or error; got "${entry}"`);
    }
    rules[match[1].trim()] = (match[2] === 'warn' ? 'warning' : match[2]) as SeveritySetting;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings expects a whole number; got "${values['max-warnings']}"`);
  }
  const workflow = values['workflow-type']?.toUpperCase();
  if (workflow !== undefined && workflow !== 'STANDARD' && workflow !== 'EXPRESS') {
    throw new UsageError(`--workflow-type expects standard or express; got "${values['workflow-type']}"`);
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  return {
    patterns: parsed.positionals,
    formats: values.format ?? [],
    outputFiles: values['output-file'] ?? [],
    quiet: values.quiet ?? false,
    maxWarnings,
    rules,
    listRules: values['list-rules'] ?? false,
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    version: values.version ?? false,
    help: values.help ?? false,
    color: values['no-color'] ? false : values.color,
    workflowType: workflow as WorkflowType | undefined,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    config: values.config,
    printConfig: values['print-config'],
    cdk: values.cdk ?? false,
  };
}

export const HELP = `Usage: asl-lint [options] [files, directories or globs...]

Lints AWS Step Functions state machine definitions (Amazon States Language),
with deep checks for the Amazon EKS integrations.

With no paths, lints **/*.asl.{json,yaml,yml} below the current directory,
respecting .gitignore.

Options:
  -f, --format <name>        stylish (default) or json; repeat with --output-file per format
  -o, --output-file <path>   write the report to a file instead of stdout
  -q, --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
      --rule <id=severity>   set a rule's severity: off, info, warn or error (repeatable)
      --workflow-type <t>    standard (default) or express, for definitions that do not say
      --list-rules           list every rule with its default severity
      --stdin                lint text from standard input
      --stdin-filename <p>   the file name to report for --stdin (also picks JSON or YAML)
      --color, --no-color    force or disable colours (NO_COLOR and FORCE_COLOR are honoured)
  -v, --version              print the version
  -h, --help                 print this help

Subcommands:
  asl-lint policy <file>     print the IAM policy the state machine's role needs

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage error or unreadable file.
`;
