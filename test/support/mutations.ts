/** Input generators shared by the property suite and `pnpm fuzz`: arbitrary JSON and mutations of real files. */
import fc from 'fast-check';

const SPECIAL_KEYS = ['Next', 'End', 'Default', 'StartAt', 'States', 'Type', 'Resource', 'Parameters', 'Arguments', 'Catch', 'Retry', '__proto__', 'constructor', 'toString', 'Branches', 'ItemProcessor', 'QueryLanguage'];
const SPECIAL_VALUES: unknown[] = [null, [], {}, 3, -1, 1e308, '', 'JSONata', 'Task', 'Map', 'Parallel', 'Choice', '{% $x %}', '{% (%}', '$.x', '$$.Map.Item', 'States.Format()', 'arn:aws:states:::eks:runJob.sync', 'arn:aws:states:::eks:call.sync', true];

/** A JSON value biased towards ASL shapes: state-machine keys and values of every type. */
export const aslLikeJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...SPECIAL_VALUES),
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** A whole definition with random states whose fields are random: wrong types everywhere. */
export const randomDefinition: fc.Arbitrary<unknown> = fc
  .tuple(fc.array(fc.constantFrom('A', 'B', 'C', '__proto__', 'toString', 'Next'), { minLength: 1, maxLength: 5 }), fc.array(aslLikeJson, { minLength: 5, maxLength: 5 }), fc.constantFrom(...SPECIAL_VALUES))
  .map(([names, bodies, startAt]) => {
    const states: Record<string, unknown> = Object.create(null);
    names.forEach((name, index) => {
      const body = bodies[index % bodies.length];
      states[name] = body !== null && typeof body === 'object' && !Array.isArray(body) ? { Type: 'Task', ...(body as object) } : body;
    });
    return { StartAt: typeof startAt === 'string' ? startAt : names[0], States: states };
  });

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace-key'; occurrence: number; key: string }
  | { kind: 'swap-value'; occurrence: number; value: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', '\ud800', '\ufeff', '\r\n', '#', '- ', '  ', '&a', '*a', '!Sub ', 'x') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('replace-key' as const), occurrence: fc.nat(), key: fc.constantFrom(...SPECIAL_KEYS) }),
  fc.record({ kind: fc.constant('swap-value' as const), occurrence: fc.nat(), value: fc.constantFrom('null', '[]', '{}', '3', '"x"', 'true', '"{% %}"') }),
);

/** Mutations for the fix property: the general ones, and resources the eks/run-job-sync fix rewrites. */
export const fixMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation,
  fc.record({ kind: fc.constant('swap-value' as const), occurrence: fc.nat(), value: fc.constantFrom('"arn:aws:states:::eks:runJob"', '"arn:aws:states:::eks:runJob.sync"', '"arn:aws-cn:states:cn-north-1:123456789012:eks:runJob"') }),
);

export function applyMutation(text: string, m: Mutation): string {
  const at = text.length ? m.kind === 'replace-key' || m.kind === 'swap-value' ? 0 : (m as { at: number }).at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace-key': {
      const keys = [...text.matchAll(/"([^"\\\n]{1,40})"\s*:/g)];
      if (!keys.length) return text;
      const hit = keys[m.occurrence % keys.length];
      return text.slice(0, hit.index) + JSON.stringify(m.key) + text.slice(hit.index! + hit[1].length + 2);
    }
    case 'swap-value': {
      const values = [...text.matchAll(/:\s*("(?:[^"\\\n]|\\.){0,60}"|-?\d+(?:\.\d+)?|true|false|null)/g)];
      if (!values.length) return text;
      const hit = values[m.occurrence % values.length];
      const start = hit.index! + hit[0].length - hit[1].length;
      return text.slice(0, start) + m.value + text.slice(start + hit[1].length);
    }
  }
}
