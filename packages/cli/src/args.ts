import { parseArgs } from 'node:util';
import type { SeveritySetting, WorkflowType } from '@asl-lint/core';
import { UsageError } from './io.js';

/** One report: a format and where it goes (stdout when no file). */
export interface OutputTarget {
  readonly format: string;
  readonly file: string | undefined;
}

export interface CliOptions {
  readonly patterns: string[];
  /** Each `-f` with the `-o` that follows it; `stylish` to stdout when none is given. */
  readonly outputs: OutputTarget[];
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
  /** Threads that lint files: a number, or `auto` (half the cores, when there are enough files to share). */
  readonly concurrency: number | 'auto';
}

const SEVERITIES = new Set(['off', 'info', 'warn', 'warning', 'error']);

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
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
        concurrency: { type: 'string' },
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
  const concurrency = values.concurrency === undefined || values.concurrency === 'auto' ? 'auto' : values.concurrency === 'off' ? 1 : Number(values.concurrency);
  if (concurrency !== 'auto' && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new UsageError(`--concurrency expects a number of threads, auto or off; got "${values.concurrency}"`);
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (values.fix && values.stdin) throw new UsageError('--fix writes files; with --stdin use --fix-dry-run to print the fixed text');
  return {
    patterns: parsed.positionals,
    outputs: pairOutputs(parsed.tokens ?? []),
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
    concurrency,
  };
}

/**
 * Pairs each `--output-file` with the `--format` before it (`-f sarif -o x.sarif -f stylish`); an
 * `--output-file` before any `--format` belongs to the first format (or to stylish).
 */
function pairOutputs(tokens: readonly { kind: string; name?: string; value?: string }[]): OutputTarget[] {
  const formats: { format: string; file: string | undefined }[] = [];
  const early: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') formats.push({ format: token.value, file: undefined });
    else if (token.name === 'output-file') {
      const last = formats[formats.length - 1];
      if (!last) early.push(token.value);
      else if (last.file === undefined) last.file = token.value;
      else throw new UsageError(`--output-file ${token.value}: give one --output-file per --format (-f sarif -o asl.sarif -f stylish)`);
    }
  }
  if (formats.length === 0) formats.push({ format: 'stylish', file: undefined });
  for (const file of early) {
    const target = formats.find((entry) => entry.file === undefined);
    if (!target) throw new UsageError(`--output-file ${file}: give one --output-file per --format (-f sarif -o asl.sarif -f stylish)`);
    target.file = file;
  }
  const toStdout = formats.filter((entry) => entry.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`formats ${toStdout.map((entry) => entry.format).join(' and ')} would both write to stdout: give all but one an --output-file`);
  }
  return formats;
}

export const HELP = `Usage: asl-lint [options] [files, directories or globs...]

Lints AWS Step Functions state machine definitions (Amazon States Language),
with deep checks for the Amazon EKS integrations.

With no paths, lints **/*.asl.{json,yaml,yml} below the current directory, and the
CloudFormation, SAM and Serverless templates (*.json, *.yaml, *.yml, *.template) that
define a state machine, respecting .gitignore. TypeScript/JavaScript (AWS CDK) files
are read when named or with --cdk.

Options:
  -f, --format <name>        stylish (default), json, sarif, github or junit; repeatable,
                             each followed by its own --output-file
  -o, --output-file <path>   write the preceding format's report to a file instead of stdout
  -c, --config <path>        use this config file for every file (default: the nearest
                             asl-lint.config.json/.yaml above each file)
      --print-config <file>  print the effective configuration for a file and exit
      --fix                  apply safe fixes to the files (atomically; only files that parse)
      --fix-dry-run          print the fixed text (--stdin) or a diff of the fixes, write nothing
  -q, --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
      --rule <id=severity>   set a rule's severity: off, info, warn or error (repeatable)
      --workflow-type <t>    standard (default) or express, for definitions that do not say
      --cdk                  also read *.ts/*.js files in directories (AWS CDK definitions)
      --concurrency <n>      threads that lint files: a number, auto (default: half the cores,
                             once there are enough files to share) or off
      --list-rules           list every rule with its default severity
      --stdin                lint text from standard input
      --stdin-filename <p>   the file name to report for --stdin (also picks JSON or YAML)
      --color, --no-color    force or disable colours (NO_COLOR and FORCE_COLOR are honoured)
  -v, --version              print the version
  -h, --help                 print this help

Configuration: the nearest asl-lint.config.json/.yaml above each file (see --print-config).
Suppress a finding with a comment "# asl-lint-disable-next-line <rule-id> -- reason", or in
plain JSON with the state's "Comment": "asl-lint-disable <rule-id> -- reason".

Subcommands:
  asl-lint policy <file>     print the IAM policy the state machine's role needs

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage or configuration error,
an unreadable file, or a fix that could not be written.
`;
