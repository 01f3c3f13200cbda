/** A real LSP client over stdio for end-to-end tests: spawns `asl-lint-lsp --stdio` and speaks JSON-RPC to it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const serverPath = join(repo, 'packages/lsp/dist/server.js');

export interface ClientOptions {
  /** Advertise `textDocument/diagnostic` (pull diagnostics). */
  readonly pull?: boolean;
  /** Answer to `workspace/configuration`; `undefined` = the client does not support configuration requests. */
  readonly settings?: unknown;
  readonly rootUri?: string;
  readonly initializationOptions?: unknown;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  readonly requests: string[] = [];
  stderr = '';
  settings: unknown;
  private readonly waiters: (() => void)[] = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: ClientOptions = {}): Promise<{ client: LspClient; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    client.settings = options.settings;
    child.stderr.on('data', (chunk) => (client.stderr += String(chunk)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.wake();
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      client.messages.push(params.message);
      client.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => client.messages.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      client.requests.push('workspace/configuration');
      client.wake();
      return params.items.map(() => client.settings ?? null);
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      for (const registration of params.registrations) client.requests.push(`register ${registration.method}`);
      client.wake();
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.requests.push('workspace/diagnostic/refresh');
      client.wake();
      return null;
    });
    connection.listen();
    const capabilities = {
      workspace: { configuration: options.settings !== undefined, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: { ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}), publishDiagnostics: { versionSupport: true } },
    };
    const initialize = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    })) as InitializeResult;
    await connection.sendNotification('initialized', {});
    return { client, initialize };
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `check` returns a value, re-checking after every message from the server. */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for a document version. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri}@${version}`, () => [...this.published].reverse().find((p) => p.uri === uri && p.version === version)?.diagnostics, timeoutMs);
  }

  /** The diagnostics published after `count` earlier publications for a document. */
  nextDiagnostics(uri: string, after: number): Promise<Diagnostic[]> {
    return this.until(`new diagnostics for ${uri}`, () => this.published.filter((p) => p.uri === uri)[after]?.diagnostics);
  }

  publishedCount(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: uri.endsWith('.json') ? 'json' : 'yaml', version, text } });
  }

  /** Resident memory of the server process, in bytes (Linux). */
  residentBytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kib = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      return kib ? Number(kib) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, as an editor does; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
