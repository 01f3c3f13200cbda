import { LineIndex } from '@asl-lint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver';

/** A document from text with one `|` cursor marker (removed), and the cursor's position. */
export function withCursor(marked: string, uri = 'file:///work/flow.asl.json', version = 1): { document: TextDocument; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create(uri, uri.endsWith('.json') ? 'json' : 'yaml', version, text);
  return { document, position: new LineIndex(text).positionAt(offset), offset };
}

export function documentOf(text: string, uri = 'file:///work/flow.asl.json', version = 1): TextDocument {
  return TextDocument.create(uri, uri.endsWith('.json') ? 'json' : 'yaml', version, text);
}

export function applyEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}
