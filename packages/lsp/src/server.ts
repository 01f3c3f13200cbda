#!/usr/bin/env node
/**
 * `asl-lint-lsp --stdio`: adapts the language service to LSP. Only this file knows the connection, debouncing,
 * settings transport and file watching; every answer comes from `service/`.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '@asl-lint/rules';
import { ProjectConfigurations, CONFIG_FILE_GLOB } from './project-config.js';
import { createLanguageService, DERIVE_POLICY_COMMAND, filePathOf, FIX_ALL_KIND, normalizeSettings } from './service/index.js';

/** Diagnostics are pushed this long after the last keystroke, so typing never waits for a lint run. */
export const PUSH_DEBOUNCE_MS = 150;
const SETTINGS_SECTION = 'asl-lint';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let projects = new ProjectConfigurations(allRules, process.cwd());
  const service = createLanguageService({ rules: allRules, projectConfiguration: (filePath) => projects.forFile(filePath) });
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, string>();
  const shownProblems = new Set<string>();
  let pullDiagnostics = false;
  let configurationRequests = false;
  let refreshSupport = false;
  let watchRegistration = false;
  let configurationRegistration = false;
  let generation = 0;

  /** Runs a request handler; a bug answers "nothing" and is logged, it never takes the server down. */
  const safely = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(`asl-lint: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };

  const reportConfigurationProblems = (document: TextDocument): void => {
    for (const problem of service.configurationProblems(document)) {
      if (shownProblems.has(problem)) continue;
      shownProblems.add(problem);
      // A notification, not window/showMessageRequest: nothing to answer, nothing to fail.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `asl-lint: ${problem}` });
    }
  };

  const publish = (document: TextDocument): void => {
    const key = `${document.version}:${generation}`;
    if (published.get(document.uri) === key) return;
    const diagnostics = safely('validation', [], () => service.validate(document));
    safely('configuration', undefined, () => reportConfigurationProblems(document));
    published.set(document.uri, key);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const schedule = (document: TextDocument): void => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) publish(current);
      }, PUSH_DEBOUNCE_MS),
    );
  };

  const revalidateAll = (): void => {
    generation++;
    if (pullDiagnostics) {
      if (refreshSupport) connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const document of documents.all()) schedule(document);
  };

  const applySettings = (settings: unknown): void => {
    service.configure(normalizeSettings(settings));
    shownProblems.clear();
    revalidateAll();
  };

  /** Settings given at start-up (Helix `config`, glspc `initializationOptions`): used when the client has no `asl-lint` section. */
  let initialSettings: unknown;

  const fetchSettings = async (): Promise<void> => {
    try {
      const section: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
      applySettings(section ?? initialSettings);
    } catch (error) {
      connection.console.error(`asl-lint: reading settings failed: ${String(error)}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    configurationRequests = capabilities.workspace?.configuration === true;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    watchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root) projects = new ProjectConfigurations(allRules, filePathOf(root));
    if (params.initializationOptions) {
      const options = params.initializationOptions as Record<string, unknown>;
      initialSettings = typeof options === 'object' && options !== null && SETTINGS_SECTION in options ? options[SETTINGS_SECTION] : options;
      service.configure(normalizeSettings(initialSettings));
    }
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        executeCommandProvider: { commands: [DERIVE_POLICY_COMMAND] },
      },
      serverInfo: { name: 'asl-lint-lsp', version: '0.1.0' },
    };
    if (pullDiagnostics) result.capabilities.diagnosticProvider = { identifier: 'asl-lint', interFileDependencies: false, workspaceDiagnostics: false };
    return result;
  });

  connection.onInitialized(() => {
    if (configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    if (configurationRequests) void fetchSettings();
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (configurationRequests) {
      void fetchSettings();
      return;
    }
    const settings = change.settings as Record<string, unknown> | null | undefined;
    applySettings((settings && typeof settings === 'object' && SETTINGS_SECTION in settings ? settings[SETTINGS_SECTION] : settings) ?? initialSettings);
  });

  connection.onDidChangeWatchedFiles(() => {
    projects.clear();
    service.invalidate();
    shownProblems.clear();
    revalidateAll();
  });

  documents.onDidOpen(({ document }) => {
    if (!pullDiagnostics) publish(document);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!pullDiagnostics) schedule(document);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    published.delete(document.uri);
    service.forget(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: 'full', items: [] };
    const resultId = `${document.version}:${generation}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const items = safely('validation', [], () => service.validate(document));
    safely('configuration', undefined, () => reportConfigurationProblems(document));
    return { kind: 'full', resultId, items };
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? safely('code actions', [], () => service.codeActions(document, params.range, params.context)) : [];
  });
  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? safely('hover', null, () => service.hover(document, params.position)) : null;
  });
  connection.onDefinition((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? safely('definition', [], () => service.definition(document, params.position)) : [];
  });
  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? safely('completion', { isIncomplete: false, items: [] }, () => service.complete(document, params.position)) : null;
  });
  connection.onExecuteCommand((params) => {
    if (params.command !== DERIVE_POLICY_COMMAND) return null;
    // Arguments: the document URI, then optional { partition, region, account, style }.
    const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
    const document = uri ? documents.get(uri) : undefined;
    return document ? safely('derivePolicy', null, () => service.derivePolicy(document, params.arguments?.[1])) : null;
  });

  documents.listen(connection);
  connection.listen();
}

const HELP = `Usage: asl-lint-lsp --stdio

The asl-lint language server. Editors start it and talk to it over stdin/stdout
(Language Server Protocol). Also accepts --node-ipc and --socket=<port>.
`;

function main(argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write('0.1.0\n');
    return;
  }
  if (!argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe') || arg.startsWith('--clientProcessId'))) {
    process.stderr.write(`asl-lint-lsp: give a transport, e.g. --stdio\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  // A bug must cost one answer, not the editor session.
  process.on('uncaughtException', (error) => connection.console.error(`asl-lint: unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`asl-lint: unexpected rejection: ${String(reason)}`));
  startServer(connection);
}

// Run only as the program (the bin, possibly through a symlink), not when imported.
const entry = process.argv[1] ? realpathOrSelf(process.argv[1]) : '';
if (entry && pathToFileURL(entry).href === import.meta.url) main(process.argv.slice(2));

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
