import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintText, resolveRules, RuleConfigError, type ActiveRule, type LintResult, type LintSettings } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { findFiles } from './files.js';
import { formatters } from './formatters/index.js';
import { countDiagnostics } from './formatters/counts.js';
import { readStdin, UsageError, type CliIO } from './io.js';
import { cliVersion } from './version.js';

export type { CliIO } from './io.js';

/** Runs the CLI and returns the exit code: 0 clean, 1 lint errors, 2 usage or unreadable input. */
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
  for (const format of options.formats) {
    if (!formatters[format]) {
      io.stderr.write(`asl-lint: unknown format "${format}"; available: ${Object.keys(formatters).join(', ')}\n`);
      return 2;
    }
  }
  if (options.outputFiles.length > Math.max(1, options.formats.length)) {
    io.stderr.write('asl-lint: give one --output-file per --format\n');
    return 2;
  }

  let active: ActiveRule[];
  try {
    active = resolveRules(allRules, [options.rules]);
  } catch (error) {
    if (error instanceof RuleConfigError) {
      io.stderr.write(`asl-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const settings: LintSettings = options.workflowType ? { workflowType: options.workflowType } : {};

  const results: LintResult[] = [];
  let unreadable = false;
  if (options.stdin) {
    const text = await readStdin(io.stdin);
    results.push(lintText(text, { filePath: options.stdinFilename ?? '<stdin>', rules: active, settings }));
  } else {
    const { files, unmatched } = await findFiles(options.patterns, io.cwd);
    for (const pattern of unmatched) io.stderr.write(`asl-lint: no files match "${pattern}"\n`);
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (error) {
        unreadable = true;
        io.stderr.write(`asl-lint: cannot read ${file}: ${describeFsError(error)}\n`);
        continue;
      }
      results.push(lintText(text, { filePath: file, rules: active, settings }));
    }
  }

  if (options.quiet) {
    for (const result of results) result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
  }

  const color = useColor(options, io);
  const context = { cwd: io.cwd, color, rules: allRules, version: cliVersion() };
  const formats = options.formats.length ? options.formats : ['stylish'];
  formats.forEach((format, index) => {
    const outputFile = options.outputFiles[index];
    const text = formatters[format](results, { ...context, color: outputFile ? false : color });
    if (outputFile) writeFileSync(resolve(io.cwd, outputFile), text);
    else io.stdout.write(text);
  });

  if (unreadable) return 2;
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

function useColor(options: CliOptions, io: CliIO): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function listRules(): string {
  const rows = allRules.map((rule) => [rule.meta.id, rule.meta.severity, rule.meta.fix === 'safe' ? 'fix' : rule.meta.fix === 'suggestion' ? 'suggest' : '', rule.meta.description]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`).join('\n') + '\n';
}
