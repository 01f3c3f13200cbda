import type { Definition, ExtractResult } from './definition.js';
import type { ParsedDocument } from './parse.js';
import { extractTemplate, isTemplate } from './extract/cloudformation.js';
import { extractServerless, isServerless } from './extract/serverless.js';
import { extractCdk, isCdkSource } from './extract/cdk.js';
import type { LinkedDefinition } from './extract/host-context.js';
import { linkedPlaceholders } from './extract/linked.js';

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

/** CloudFormation and SAM templates (JSON or YAML), recognised by content whatever the file name. */
export const extractCloudFormation: Extractor = ({ text, document }) =>
  document.language !== 'javascript' && isTemplate(document.root) ? extractTemplate({ text, language: document.language }, document.root) : undefined;

/** Serverless Framework service files (`stepFunctions.stateMachines`). */
export const extractServerlessFile: Extractor = ({ text, document }) =>
  document.language !== 'javascript' && isServerless(document.root) ? extractServerless({ text, language: document.language }, document.root) : undefined;

/** AWS CDK TypeScript/JavaScript, read statically (the TypeScript parser loads only for such files). */
export const extractCdkSource: Extractor = ({ filePath, text, document }) => (document.language === 'javascript' || isCdkSource(filePath) ? extractCdk(text, filePath) : undefined);

/** Host extractors first; a stand-alone definition is the fallback. */
export const defaultExtractors: Extractor[] = [extractCdkSource, extractCloudFormation, extractServerlessFile];

export function extractDefinitions(input: ExtractInput, extractors: readonly Extractor[] = defaultExtractors): ExtractResult {
  for (const extractor of extractors) {
    const result = extractor(input);
    if (result) return result;
  }
  return extractStandalone(input)!;
}

/**
 * Extracts the definition file a template links to (SAM `DefinitionUri`, CDK `DefinitionBody.fromFile`):
 * the whole document, with the template's workflow type and host facts (substitutions, role).
 */
export function linkedExtractor(link: LinkedDefinition): Extractor {
  return ({ text, document }) => {
    if (!document.root || document.language === 'javascript') return { definitions: [], problems: [] };
    const placeholders = linkedPlaceholders({ text, language: document.language }, document.root);
    const definition: Definition = {
      kind: 'state-machine',
      root: document.root,
      host: link.host,
      ...(link.name ? { name: link.name } : {}),
      ...(link.workflowType ? { workflowType: link.workflowType } : {}),
      editable: true,
      hostContext: { ...link.hostContext, placeholders },
    };
    return { definitions: [definition], problems: [] };
  };
}
