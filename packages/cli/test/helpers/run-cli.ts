import { Readable } from 'node:stream';
import { main } from '../../src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(argv: string[], options: { cwd: string; input?: string; env?: Record<string, string | undefined> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: options.cwd,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { NO_COLOR: '1', ...options.env },
    stdin: Readable.from([options.input ?? '']),
  });
  return { code, stdout, stderr };
}
