import { decodeUtf8 } from './read-text.js';

/** The process edges the CLI touches, passed in so tests can run it in-process. */
export interface CliIO {
  readonly cwd: string;
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin?: NodeJS.ReadableStream;
  /** The script worker threads run to lint files in parallel (the CLI's bin); none: one thread. */
  readonly workerEntry?: string;
}

export class UsageError extends Error {}

export async function readStdin(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return decodeUtf8(Buffer.concat(chunks));
}
