import { fileURLToPath } from 'node:url';
import { getProperty, type LintResult } from '@asl-lint/core';

/** What the service needs of a document; `TextDocument` from vscode-languageserver-textdocument satisfies it. */
export interface ServiceDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The file path a document's rules and config see: a real path for `file:` URIs, the URI otherwise (untitled buffers). */
export function filePathOf(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

const STATE_MACHINE_FILE = /\.asl\.(json|ya?ml)$/i;

/**
 * Editors that select documents by language (every JSON or YAML file) send us package.json and CI configs too.
 * Those get no diagnostics: only `*.asl.{json,yaml,yml}`, templates in which an extractor found a state machine,
 * and documents whose top level has both `StartAt` and `States`.
 */
export function isStateMachineDocument(filePath: string, result: LintResult): boolean {
  if (STATE_MACHINE_FILE.test(filePath)) return true;
  if (result.definitions.some((definition) => definition.host !== 'asl')) return true;
  const root = result.document.root;
  return root?.kind === 'object' && getProperty(root, 'StartAt') !== undefined && getProperty(root, 'States') !== undefined;
}
