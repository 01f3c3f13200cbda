#!/usr/bin/env node
import { main } from './main.js';

const io = {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // process.stdin sets up a stream when first read (milliseconds per run): only --stdin needs it.
  get stdin() {
    return process.stdin;
  },
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`asl-lint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
