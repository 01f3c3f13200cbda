/**
 * The language server fed garbage over stdio: invalid JSON, JSON that is not JSON-RPC, known methods with wrong
 * params, unknown methods, huge messages, requests for documents never opened, edits outside the document. It
 * must never exit, must answer every request (an error response is an answer) and must not grow without bound.
 * The server runs with the no-network preload, so the same session proves it opens no connection.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repo, serverPath } from './lsp-client.js';

const noNetwork = join(repo, 'test/support/no-network.cjs');
// More with ASL_LINT_RPC_MESSAGES=20000 locally; CI keeps the session short.
const MESSAGES = Number(process.env.ASL_LINT_RPC_MESSAGES) || 1200;

interface Reply {
  id?: unknown;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** A raw JSON-RPC peer: frames whatever bytes it is given and collects every message the server sends. */
class RawPeer {
  readonly replies = new Map<string, Reply>();
  readonly notifications: Reply[] = [];
  stderr = '';
  exit: number | null | undefined;
  private buffer = Buffer.alloc(0);
  private readonly waiters: (() => void)[] = [];

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    child.on('exit', (code) => {
      this.exit = code;
      this.wake();
    });
  }

  static start(): RawPeer {
    return new RawPeer(spawn(process.execPath, ['--require', noNetwork, serverPath, '--stdio'], { stdio: 'pipe' }));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Reply;
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.method === undefined && message.id !== undefined) this.replies.set(JSON.stringify(message.id), message);
      else if (message.method !== undefined && message.id !== undefined) this.frame(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: null }));
      else this.notifications.push(message);
      this.wake();
    }
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Sends a body with a correct Content-Length header, whatever the body holds. */
  frame(body: string | Buffer): void {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  request(id: number, method: string, params?: unknown): void {
    this.frame(JSON.stringify(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params }));
  }

  notify(method: string, params: unknown): void {
    this.frame(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  async until<T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (this.exit !== undefined) throw new Error(`the server exited (${this.exit}) while waiting for ${what}; stderr: ${this.stderr}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  reply(id: number): Promise<Reply> {
    return this.until(`the answer to request ${id}`, () => this.replies.get(String(id)));
  }

  residentBytes(): number {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1];
    return Number(kib) * 1024;
  }

  async initialize(): Promise<void> {
    this.request(0, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await this.reply(0);
    this.notify('initialized', {});
  }

  async stop(): Promise<number | null | undefined> {
    this.request(-1, 'shutdown');
    await this.reply(-1);
    this.notify('exit', undefined);
    await this.until('exit', () => (this.exit !== undefined ? true : undefined));
    return this.exit;
  }
}

/** Deterministic, so a failure replays: mulberry32. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = '{\n  "StartAt": "Run",\n  "States": {\n    "Run": { "Type": "Task", "Resource": "arn:aws:states:::eks:runJob", "Next": "Missing" }\n  }\n}\n';
const OPEN_URI = 'file:///rpc/open.asl.json';
const REQUEST_METHODS = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/definition', 'textDocument/diagnostic', 'workspace/executeCommand', 'completionItem/resolve', 'textDocument/formatting', 'no/such-method', '$/unknown', ''];
const NOTIFICATION_METHODS = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', '$/cancelRequest', '$/setTrace', 'no/such-notification'];
const INVALID_JSON = ['{not json', '', ' ', '{"jsonrpc":"2.0","id":', 'null', '[]', '[1,2,3]', '"text"', '42', '{"jsonrpc":"2.0","id":77777}', '{"jsonrpc":"1.0"}', '{"id":{"x":1},"method":"textDocument/hover"}', '\u0000\u0001\u0002', '{"method":5}', '{"jsonrpc":"2.0","method":null,"params":[]}'];

function randomJson(next: () => number, depth = 0): unknown {
  const pick = next();
  if (depth > 3 || pick < 0.35) return [null, true, false, 0, -1, 1e308, '', 'x', 'file:///rpc/open.asl.json', { line: 1e9, character: -3 }][Math.floor(next() * 10)];
  if (pick < 0.55) return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
  // Null prototype: a `__proto__` key is then an own property and goes over the wire.
  const object: Record<string, unknown> = Object.create(null);
  const keys = ['textDocument', 'uri', 'position', 'range', 'context', 'contentChanges', 'text', 'version', 'line', 'character', 'start', 'end', 'command', 'arguments', 'settings', 'changes', 'id', '__proto__'];
  for (let i = Math.floor(next() * 5); i > 0; i--) object[keys[Math.floor(next() * keys.length)]] = randomJson(next, depth + 1);
  return object;
}

/** A position anywhere, mostly outside the document. */
function wildPosition(next: () => number): { line: number; character: number } {
  const values = [0, 1, 3, 7, 999, 2 ** 31, -1, -1000, 0.5];
  return { line: values[Math.floor(next() * values.length)], character: values[Math.floor(next() * values.length)] };
}

let peer: RawPeer;

beforeAll(async () => {
  execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'packages/lsp'], { cwd: repo });
  peer = RawPeer.start();
  await peer.initialize();
}, 120_000);

afterAll(() => {
  if (peer.exit === undefined) peer.child.kill();
});

describe('a normal session without network', () => {
  it('publishes diagnostics and answers hover, completion and code actions as usual', async () => {
    const uri = 'file:///rpc/normal.asl.json';
    peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: VALID } });
    const published = await peer.until('diagnostics', () => peer.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri));
    expect((published.params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['eks/parameters', 'eks/run-job-sync', 'asl/transitions']);
    peer.request(100, 'textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 50 } });
    expect(JSON.stringify((await peer.reply(100)).result)).toContain('runJob');
    peer.request(101, 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 3, character: 50 }, end: { line: 3, character: 50 } }, context: { diagnostics: [] } });
    expect(JSON.stringify((await peer.reply(101)).result)).toContain('arn:aws:states:::eks:runJob.sync');
    peer.request(102, 'textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 94 } });
    expect((await peer.reply(102)).result).not.toBeNull();
    peer.notify('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('JSON-RPC garbage', () => {
  it('answers the plainly malformed requests with errors or empty results and keeps going', async () => {
    peer.request(1, 'no/such-method', {});
    expect((await peer.reply(1)).error).toEqual({ code: -32601, message: 'Unhandled method no/such-method' });
    peer.request(2, 'textDocument/hover', { textDocument: { uri: 'file:///never/opened.asl.json' }, position: { line: 0, character: 0 } });
    expect(await peer.reply(2)).toEqual({ jsonrpc: '2.0', id: 2, result: null });
    peer.request(3, 'textDocument/hover', 'not an object');
    expect((await peer.reply(3)).error?.code).toBe(-32603);
    peer.request(4, 'textDocument/definition', { textDocument: { uri: 'file:///never/opened.asl.json' }, position: { line: 0, character: 0 } });
    expect(await peer.reply(4)).toEqual({ jsonrpc: '2.0', id: 4, result: [] });
    peer.request(5, 'workspace/executeCommand', { command: 'asl-lint.derivePolicy', arguments: ['file:///never/opened.asl.json'] });
    expect(await peer.reply(5)).toEqual({ jsonrpc: '2.0', id: 5, result: null });
  });

  it('survives header garbage between framed messages', async () => {
    // vscode-jsonrpc drops a header block without a usable Content-Length and stops reading until more bytes
    // arrive; the next message (a harmless $/setTrace here, a keystroke in an editor) carries on.
    peer.child.stdin.write('Foo: bar\r\n\r\nContent-Length: not-a-number\r\n\r\n');
    peer.frame('{not json');
    peer.frame(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0xc3]));
    peer.request(10, 'textDocument/hover', { textDocument: { uri: 'file:///never/opened.asl.json' }, position: { line: 0, character: 0 } });
    const nudge = setInterval(() => peer.notify('$/setTrace', { value: 'off' }), 100);
    try {
      expect(await peer.reply(10)).toEqual({ jsonrpc: '2.0', id: 10, result: null });
    } finally {
      clearInterval(nudge);
    }
  });

  it(`answers every request among ${MESSAGES} random messages, never exits, and does not grow without bound`, async () => {
    const next = random(20261126);
    let id = 1000;
    const asked: number[] = [];
    let version = 1;
    let residentAfterWarmup = 0;
    const started = Date.now();
    peer.notify('textDocument/didOpen', { textDocument: { uri: OPEN_URI, languageId: 'json', version, text: VALID } });

    for (let message = 0; message < MESSAGES; message++) {
      const kind = next();
      if (kind < 0.15) peer.frame(INVALID_JSON[Math.floor(next() * INVALID_JSON.length)]);
      else if (kind < 0.2) peer.frame(Buffer.from(Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256))));
      else if (kind < 0.45) {
        // A known or unknown method, with params of any shape, for the open document or one never opened.
        const method = REQUEST_METHODS[Math.floor(next() * REQUEST_METHODS.length)];
        const params = next() < 0.5 ? randomJson(next) : { textDocument: { uri: next() < 0.5 ? OPEN_URI : `file:///rpc/never-${message}.asl.yaml` }, position: wildPosition(next), range: { start: wildPosition(next), end: wildPosition(next) }, context: next() < 0.5 ? { diagnostics: [] } : randomJson(next) };
        asked.push(++id);
        peer.request(id, method, params);
      } else if (kind < 0.6) {
        const method = NOTIFICATION_METHODS[Math.floor(next() * NOTIFICATION_METHODS.length)];
        // didOpen/didClose of the document the session edits would only reset it; they go to other URIs.
        const params = randomJson(next);
        if (method === 'textDocument/didOpen' || method === 'textDocument/didClose') peer.notify(method, { textDocument: { uri: `file:///rpc/other-${message % 7}.asl.json`, languageId: 'json', version: message, text: next() < 0.5 ? VALID : JSON.stringify(randomJson(next)) } });
        else peer.notify(method, params);
      } else if (kind < 0.9) {
        // An edit with a range anywhere, mostly outside the document, or a change event of the wrong shape.
        version++;
        const change = next() < 0.8 ? { range: { start: wildPosition(next), end: wildPosition(next) }, text: ['', '{', '"', '\n', 'zz', '\u0000', '😀'][Math.floor(next() * 7)] } : randomJson(next);
        peer.notify('textDocument/didChange', { textDocument: { uri: next() < 0.9 ? OPEN_URI : 'file:///rpc/never-opened.asl.json', version }, contentChanges: next() < 0.9 ? [change] : change });
        if (next() < 0.05) {
          // Start over now and then, so the rules see valid text again.
          version++;
          peer.notify('textDocument/didChange', { textDocument: { uri: OPEN_URI, version }, contentChanges: [{ text: VALID }] });
        }
      } else if (kind < 0.995) {
        // A request with a wildly long id or params.
        asked.push(++id);
        peer.request(id, 'textDocument/completion', { textDocument: { uri: OPEN_URI }, position: wildPosition(next), padding: 'p'.repeat(Math.floor(next() * 20_000)) });
      } else {
        // A huge message: 4 MB of params.
        asked.push(++id);
        peer.request(id, 'textDocument/hover', { textDocument: { uri: OPEN_URI }, position: { line: 0, character: 0 }, huge: 'h'.repeat(4 * 1024 * 1024) });
      }
      if (message % 100 === 99) {
        // Let the server catch up, so the test measures the server rather than the pipe.
        await peer.reply(id);
        if (message === 299) residentAfterWarmup = peer.residentBytes();
      }
    }

    for (const asking of asked) {
      const reply = await peer.reply(asking);
      expect(reply.result !== undefined || reply.error !== undefined, `request ${asking}: ${JSON.stringify(reply).slice(0, 200)}`).toBe(true);
    }
    const residentAtEnd = peer.residentBytes();
    const elapsed = Date.now() - started;
    console.log(`${MESSAGES} messages (${asked.length} requests) in ${elapsed} ms; resident ${Math.round(residentAfterWarmup / 2 ** 20)} MiB after warm-up, ${Math.round(residentAtEnd / 2 ** 20)} MiB at the end`);
    expect(peer.exit).toBeUndefined();
    expect(residentAtEnd).toBeLessThan(512 * 1024 * 1024);
    expect(residentAtEnd - residentAfterWarmup).toBeLessThan(128 * 1024 * 1024);

    // Still a working language server: a valid document gets its diagnostics.
    version++;
    peer.notify('textDocument/didChange', { textDocument: { uri: OPEN_URI, version }, contentChanges: [{ text: VALID }] });
    const published = await peer.until('diagnostics of the last version', () =>
      peer.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string; version: number }).uri === OPEN_URI && (n.params as { version: number }).version === version),
    );
    const diagnostics = (published.params as { diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['eks/parameters', 3, 4],
      ['eks/run-job-sync', 3, 41],
      ['asl/transitions', 3, 80],
    ]);
    // The server logged failures of malformed requests, but no crash of its own and nothing on stderr.
    const logged = peer.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
    expect(logged.filter((m) => m.startsWith('asl-lint: unexpected'))).toEqual([]);
    expect(peer.stderr).toBe('');
    expect(await peer.stop()).toBe(0);
  }, 180_000);
});
