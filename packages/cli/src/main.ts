import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixUntilStable, linkedExtractor, RuleConfigError, type LintResult } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { ConfigError, ConfigResolver, describeFileConfig } from '@asl-lint/config';
import { findFiles } from './files.js';
import { lintWithConfig } from './lint-file.js';
import { lintLinkedFiles } from './linked.js';
import { writeFixedFile } from './fix-writer.js';
import { formatGithubSummary, formatters, type FormatContext } from './formatters/index.js';
import type { LintedFile } from './formatters/types.js';
import { lintInParallel, threadCount, type FileOutcome } from './parallel.js';
import { countDiagnostics } from './formatters/counts.js';
import { writeReport } from './report-writer.js';
import { readStdin, UsageError, type CliIO } from './io.js';
import { readTextFile } from './read-text.js';
import { unifiedDiff } from './unified-diff.js';
import { cliVersion } from './version.js';

export type { CliIO } from './io.js';

/** Runs the CLI and returns the exit code: 0 clean, 1 lint errors, 2 usage, configuration, unreadable input or a failed write. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'policy') return (await import('./policy-command.js')).runPolicyCommand(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`asl-lint: ${error.message}\nRun "asl-lint --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  if (options.listRules) {
    io.stdout.write(listRules());
    return 0;
  }
  for (const { format } of options.outputs) {
    if (!formatters[format]) {
      io.stderr.write(`asl-lint: unknown format "${format}"; available: ${Object.keys(formatters).join(', ')}\n`);
      return 2;
    }
  }

  let configs: ConfigResolver;
  try {
    configs = new ConfigResolver({ cwd: io.cwd, rules: allRules, explicitConfig: options.config, cliRules: options.rules, cliWorkflowType: options.workflowType });
    // `--rule` entries are checked once here, so a typo fails even when no file is linted.
    configs.forFile(resolve(io.cwd, options.printConfig ?? options.stdinFilename ?? 'asl-lint-probe.asl.json'));
  } catch (error) {
    return configFailure(error, io);
  }

  if (options.printConfig !== undefined) {
    try {
      io.stdout.write(describeFileConfig(options.printConfig, configs.forFile(resolve(io.cwd, options.printConfig)), io.cwd));
      return 0;
    } catch (error) {
      return configFailure(error, io);
    }
  }

  const results: LintedFile[] = [];
  const dryRunOutput: string[] = [];
  let ioFailed = false;
  const lintFile = (text: string, filePath: string, absolute: string): { result: LintResult; fixed: string } => {
    const config = configs.forFile(absolute);
    const lint = (source: string) => lintWithConfig(source, filePath, config);
    if (!options.fix && !options.fixDryRun) return { result: lint(text), fixed: text };
    const outcome = fixUntilStable(text, lint);
    return { result: outcome.result, fixed: outcome.output };
  };
  /** Lints a file read from disk and, with --fix or --fix-dry-run, writes or shows the fixed text. */
  const lintFileOnDisk = (file: string, absolute: string, text: string): LintResult => {
    const { result, fixed } = lintFile(text, file, absolute);
    if (fixed === text) return result;
    if (options.fixDryRun) dryRunOutput.push(unifiedDiff(file, text, fixed));
    else if (options.fix) {
      const problem = writeFixedFile(absolute, text, fixed);
      if (problem) {
        ioFailed = true;
        io.stderr.write(`asl-lint: not fixed ${file}: ${problem}\n`);
        // Report the findings of the text on disk, not of the unwritten fix.
        const config = configs.forFile(absolute);
        return lintWithConfig(text, file, config);
      }
    }
    return result;
  };

  try {
    if (options.stdin) {
      const filePath = options.stdinFilename ?? '<stdin>';
      let text: string;
      try {
        text = await readStdin(io.stdin);
      } catch (error) {
        io.stderr.write(`asl-lint: cannot read ${filePath}: ${describeFsError(error)}\n`);
        return 2;
      }
      const absolute = resolve(io.cwd, options.stdinFilename ?? 'stdin.asl.json');
      if (!(options.stdinFilename !== undefined && configs.forFile(absolute).ignored)) {
        const { result, fixed } = lintFile(text, filePath, absolute);
        results.push(result);
        if (options.fixDryRun) dryRunOutput.push(fixed);
      } else if (options.fixDryRun) dryRunOutput.push(text);
    } else {
      const { files, unmatched } = await findFiles(options.patterns, io.cwd, { cdk: options.cdk });
      for (const pattern of unmatched) io.stderr.write(`asl-lint: no files match "${pattern}"\n`);
      const included = files.map((file) => ({ file, absolute: resolve(io.cwd, file) })).filter(({ absolute }) => !configs.forFile(absolute).ignored);
      const threads = options.fix || options.fixDryRun || !io.workerEntry ? 1 : threadCount(included.length, options.concurrency);
      const lintHere = (share: readonly { readonly file: string; readonly absolute: string }[]): FileOutcome[] =>
        share.map(({ file, absolute }) => {
          let text: string;
          try {
            text = readTextFile(absolute);
          } catch (error) {
            return { kind: 'unreadable', file, error };
          }
          return { kind: 'linted', result: reportable(lintFileOnDisk(file, absolute, text)) };
        });
      const task = { cwd: io.cwd, config: options.config, rules: options.rules, workflowType: options.workflowType };
      const outcomes = threads > 1 ? await lintInParallel(task, included, threads, io.workerEntry!, lintHere) : lintHere(included);
      for (const outcome of outcomes) {
        if (outcome.kind === 'linted') results.push(outcome.result);
        else {
          ioFailed = true;
          io.stderr.write(`asl-lint: cannot read ${outcome.file}: ${describeFsError(outcome.error)}\n`);
        }
      }
      lintLinkedFiles(
        results,
        io.cwd,
        (text, linked) => {
          const config = configs.forFile(linked.absolute);
          if (config.ignored) return undefined;
          return lintWithConfig(text, linked.file, config, [linkedExtractor(linked.link)]);
        },
        (linked, error) => io.stderr.write(`asl-lint: ${linked.from}: cannot read the definition "${linked.link.path}": ${describeFsError(error)}\n`),
      );
    }
  } catch (error) {
    return configFailure(error, io);
  }

  if (options.quiet) {
    for (const result of results) result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
  }

  // With --fix-dry-run, stdout carries the fixed text or the diff; reports without a file go to stderr.
  const reportStream = options.fixDryRun ? io.stderr : io.stdout;
  const context: FormatContext = { cwd: io.cwd, color: useColor(options, io, reportStream), rules: allRules, version: cliVersion() };
  // GitHub resolves annotation paths and SARIF URIs against the checkout, which may be above the working directory.
  // Only the sarif and github formats read pathBase.
  const githubBase = io.env.GITHUB_WORKSPACE ? resolve(io.cwd, io.env.GITHUB_WORKSPACE) : undefined;
  for (const { format, file } of options.outputs) {
    const text = formatters[format](results, { ...context, ...(githubBase ? { pathBase: githubBase } : {}), color: file ? false : context.color });
    if (file) {
      const problem = writeReport(resolve(io.cwd, file), text);
      if (problem) {
        io.stderr.write(`asl-lint: cannot write ${file}: ${problem}\n`);
        return 2;
      }
    } else reportStream.write(text);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (format === 'github' && summaryFile) {
      try {
        appendFileSync(summaryFile, formatGithubSummary(results, githubBase ? { ...context, pathBase: githubBase } : context));
      } catch (error) {
        io.stderr.write(`asl-lint: cannot write the job summary to ${summaryFile}: ${describeFsError(error)}\n`);
      }
    }
  }
  for (const output of dryRunOutput) io.stdout.write(output);

  if (ioFailed) return 2;
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const counts = countDiagnostics(result.diagnostics);
    errors += counts.errorCount;
    warnings += counts.warningCount;
  }
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr.write(`asl-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/**
 * What the report needs of a result. The syntax tree and the model are dropped as soon as a file is linted, so a
 * run over many files does not keep every tree alive until the end (and the garbage collector copying them).
 */
function reportable(result: LintResult): LintedFile {
  return { filePath: result.filePath, text: result.text, diagnostics: result.diagnostics, lines: result.lines, linked: result.linked };
}

function configFailure(error: unknown, io: CliIO): number {
  if (error instanceof ConfigError || error instanceof RuleConfigError) {
    for (const line of error.message.split('\n')) io.stderr.write(`asl-lint: ${line}\n`);
    return 2;
  }
  throw error;
}

function useColor(options: CliOptions, io: CliIO, stream: { isTTY?: boolean }): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

function describeFsError(error: unknown): string {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return typeof message === 'string' ? message : String(error);
}

function listRules(): string {
  const rows = allRules.map((rule) => [rule.meta.id, rule.meta.severity, rule.meta.fix === 'safe' ? 'fix' : rule.meta.fix === 'suggestion' ? 'suggest' : '', rule.meta.description]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`).join('\n') + '\n';
}
