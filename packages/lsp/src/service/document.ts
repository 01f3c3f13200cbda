import { fileURLToPath } from 'node:url';

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
