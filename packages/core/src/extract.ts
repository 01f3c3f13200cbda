import type { Definition, ExtractResult } from './definition.js';
import type { ParsedDocument } from './parse.js';

export interface ExtractInput {
  readonly filePath: string;
  readonly text: string;
  readonly document: ParsedDocument;
}

/** Returns undefined when the file is not of the extractor's kind. */
export type Extractor = (input: ExtractInput) => ExtractResult | undefined;

/** A stand-alone definition: the whole document. */
export const extractStandalone: Extractor = ({ document }) => {
  if (!document.root) return { definitions: [], problems: [] };
  const definition: Definition = { kind: 'state-machine', root: document.root, host: 'asl', editable: true };
  return { definitions: [definition], problems: [] };
};

/** Host extractors first; a stand-alone definition is the fallback. */
export const defaultExtractors: Extractor[] = [];

export function extractDefinitions(input: ExtractInput, extractors: readonly Extractor[] = defaultExtractors): ExtractResult {
  for (const extractor of extractors) {
    const result = extractor(input);
    if (result) return result;
  }
  return extractStandalone(input)!;
}
