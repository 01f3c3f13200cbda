import fc from 'fast-check';
import { LineIndex } from '@asl-lint/core';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../src/service/index.js';
import { documentOf } from './cursor.js';

const TOKENS = ['{', '}', '[', ']', '"', ':', ',', ' ', '\n', '  ', '- ', '#', '"StartAt"', '"States"', 'States:', 'StartAt: A', '"A"', 'A:', 'Type: Task', '"Type": "Task"', 'Resource: arn:aws:states:::eks:runJob', '"Resource": "arn:aws:states:::eks:call"', 'Parameters:', '"Parameters": {', 'Next: A', '"Next": "A"', '😀', '\r\n', '.$', '{% x %}', 'null', '0', '__proto__'];
const text = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

describe('every feature on arbitrary text and positions', () => {
  it('never throws, and every range it returns lies inside the document', () => {
    const service = createLanguageService();
    let version = 0;
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (source, at, yaml) => {
        const document = documentOf(source, yaml ? 'file:///p/flow.asl.yaml' : 'file:///p/flow.asl.json', ++version);
        const lines = new LineIndex(source);
        const position = lines.positionAt(at % (source.length + 1));
        const inside = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
          const start = lines.offsetAt(range.start);
          const end = lines.offsetAt(range.end);
          return range.start.line < lines.lineCount && range.end.line < lines.lineCount && start <= end && end <= source.length;
        };
        const diagnostics = service.validate(document);
        expect(diagnostics.every((d) => inside(d.range))).toBe(true);
        const completion = service.complete(document, position);
        expect(completion.items.every((item) => !item.textEdit || inside((item.textEdit as { range: never }).range))).toBe(true);
        const hover = service.hover(document, position);
        expect(!hover?.range || inside(hover.range)).toBe(true);
        const actions = service.codeActions(document, { start: position, end: position }, { diagnostics });
        for (const action of actions) for (const edit of action.edit?.changes?.[document.uri] ?? []) expect(inside(edit.range)).toBe(true);
      }),
      { numRuns: 400, seed: 8 },
    );
  });
});
