#!/usr/bin/env node
import { fstatSync } from 'node:fs';
import { main } from './main.js';
import { isLintWorker, runLintWorker } from './parallel.js';

/**
 * process.stdout, process.stderr and process.stdin build their streams (and load node's stream modules, a few
 * milliseconds) when first read: a clean run that prints nothing, the usual pre-commit case, never reads them.
 */
function lazyOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream) {
  return {
    write: (chunk: string) => chunk === '' || stream().write(chunk),
    get isTTY() {
      // Only a character device can be a terminal: a pipe or a file answers without building the stream.
      try {
        if (!fstatSync(fd).isCharacterDevice()) return false;
      } catch {
        // Unknown: let the stream answer.
      }
      return stream().isTTY;
    },
  };
}

const io = {
  cwd: process.cwd(),
  // Worker threads run this same script (process.argv[1]: in the bundle, the loader with its code cache).
  workerEntry: process.argv[1],
  stdout: lazyOutput(1, () => process.stdout),
  stderr: lazyOutput(2, () => process.stderr),
  env: process.env,
  get stdin() {
    return process.stdin;
  },
};

if (isLintWorker()) {
  runLintWorker();
} else {
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`asl-lint: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
