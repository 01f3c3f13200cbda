/**
 * Linting many files on several cores: worker threads each lint a share of the files while the main thread lints
 * its own, and the results are put back in file order, so the output is the same as a run on one thread.
 * A worker runs the CLI's own entry (`bin`) and answers one task; a worker that fails leaves its files to the
 * main thread.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LineIndex, type Diagnostic, type LinkedDefinition, type SeveritySetting, type SourceLanguage, type WorkflowType } from '@asl-lint/core';
import { ConfigResolver } from '@asl-lint/config';
import { allRules } from '@asl-lint/rules';
import type { LintedFile } from './formatters/types.js';
import { lintWithConfig } from './lint-file.js';
import { readTextFile } from './read-text.js';

/** Fewer files than this per thread are not worth a worker's start-up (loading the CLI again, a cold JIT). */
const FILES_PER_THREAD = 24;
const MAX_THREADS = 8;

export interface LintTask {
  readonly marker: 'asl-lint-task';
  readonly cwd: string;
  readonly config: string | undefined;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly workflowType: WorkflowType | undefined;
  /** Paths as given (for messages) with their absolute form. */
  readonly files: readonly { readonly file: string; readonly absolute: string }[];
}

/** What a thread found for one file: its result, or why it could not be read. */
export type FileOutcome =
  | { readonly kind: 'linted'; readonly result: LintedFile }
  | { readonly kind: 'unreadable'; readonly file: string; readonly error: unknown };

interface TransferredResult {
  readonly filePath: string;
  readonly text: string;
  readonly language: SourceLanguage;
  readonly diagnostics: Diagnostic[];
  readonly linked: readonly LinkedDefinition[];
}

type TransferredOutcome = { readonly kind: 'linted'; readonly result: TransferredResult } | { readonly kind: 'unreadable'; readonly file: string; readonly error: unknown };

/**
 * Threads to use for this many files: 1 (no worker) unless each thread gets a fair share. `auto` takes half the
 * cores: V8 optimises code and collects garbage on background threads, and a linting thread on every core starves
 * them (on 2 cores, two threads took 1.5 × the CPU time and more wall time than one; see bench/run.mjs).
 */
export function threadCount(files: number, requested: number | 'auto', cores = availableParallelism()): number {
  const limit = requested === 'auto' ? Math.min(Math.floor(cores / 2), MAX_THREADS) : requested;
  return Math.max(1, Math.min(limit, Math.floor(files / FILES_PER_THREAD)));
}

/**
 * Lints the files on `threads` threads (this one included) and returns one outcome per file, in order.
 * `lintHere` lints a share on the main thread; workers run `entry` with the task as their data.
 */
export async function lintInParallel(
  task: Omit<LintTask, 'files' | 'marker'>,
  files: LintTask['files'],
  threads: number,
  entry: string,
  lintHere: (files: LintTask['files']) => FileOutcome[],
): Promise<FileOutcome[]> {
  // Interleaved shares: neighbouring files are often alike in size, so each thread gets a similar load.
  const shares = Array.from({ length: threads }, (_, share) => files.filter((_, i) => i % threads === share));
  const running = shares.slice(1).map((share) => runWorker(entry, { ...task, marker: 'asl-lint-task', files: share }));
  const outcomes: (FileOutcome[] | undefined)[] = [lintHere(shares[0]), ...(await Promise.all(running))];
  // A worker that failed (it should not): its share is linted here.
  const complete = outcomes.map((outcome, share) => outcome ?? lintHere(shares[share]));
  return files.map((_, i) => complete[i % threads][Math.floor(i / threads)]);
}

function runWorker(entry: string, task: LintTask): Promise<FileOutcome[] | undefined> {
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (value: FileOutcome[] | undefined) => {
      if (settled) return;
      settled = true;
      resolvePromise(value);
    };
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: task });
    } catch {
      settle(undefined);
      return;
    }
    worker.once('message', (outcomes: TransferredOutcome[]) => settle(outcomes.map(revive)));
    worker.once('error', () => settle(undefined));
    worker.once('exit', () => settle(undefined));
  });
}

function revive(outcome: TransferredOutcome): FileOutcome {
  if (outcome.kind === 'unreadable') return outcome;
  return { kind: 'linted', result: { ...outcome.result, lines: new LineIndex(outcome.result.text) } };
}

/** True in a worker started by lintInParallel. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<LintTask> | undefined)?.marker === 'asl-lint-task';
}

/** The worker side: lint the task's files and post the outcomes. */
export function runLintWorker(): void {
  const task = workerData as LintTask;
  const configs = new ConfigResolver({ cwd: task.cwd, rules: allRules, explicitConfig: task.config, cliRules: task.rules, cliWorkflowType: task.workflowType });
  const outcomes: TransferredOutcome[] = task.files.map(({ file, absolute }) => {
    let text: string;
    try {
      text = readTextFile(absolute);
    } catch (error) {
      // Structured cloning keeps an Error's message but not its code.
      return { kind: 'unreadable', file, error: { code: (error as { code?: unknown }).code, message: error instanceof Error ? error.message : String(error) } };
    }
    const result = lintWithConfig(text, file, configs.forFile(absolute));
    return { kind: 'linted', result: { filePath: result.filePath, text, language: result.language, diagnostics: result.diagnostics, linked: result.linked ?? [] } };
  });
  parentPort!.postMessage(outcomes);
}
