/** Hostile inputs, generated (never committed when large), shared by the test suite and `pnpm fuzz`. */

export interface HostileInput {
  readonly name: string;
  readonly filePath: string;
  readonly text: () => string;
}

function chain(count: number, cyclic: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? `S${i + 1}` : cyclic ? 'S0' : undefined;
    parts.push(`"S${i}":{"Type":"Pass",${next ? `"Next":"${next}"` : '"End":true'}}`);
  }
  return `{"StartAt":"S0","States":{${parts.join(',')}}}`;
}

export const hostileInputs: readonly HostileInput[] = [
  { name: '100,000-deep arrays', filePath: 'deep-arrays.asl.json', text: () => '['.repeat(100_000) + ']'.repeat(100_000) },
  { name: '100,000-deep objects', filePath: 'deep-objects.asl.json', text: () => '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) },
  { name: '100,000-deep YAML flow sequences', filePath: 'deep.asl.yaml', text: () => 'StartAt: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n' },
  { name: '60,000 states in one cycle', filePath: 'cycle.asl.json', text: () => chain(60_000, true) },
  { name: '60,000 states in a chain', filePath: 'chain.asl.json', text: () => chain(60_000, false) },
  {
    name: 'a 30 MB string',
    filePath: 'big-string.asl.json',
    text: () => `{"Comment":"${'x'.repeat(30 * 1024 * 1024)}","StartAt":"A","States":{"A":{"Type":"Succeed"}}}`,
  },
  {
    name: 'a 50 MB file',
    filePath: 'big-file.asl.json',
    text: () => `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":[${Array.from({ length: 5_000_000 }, (_, i) => i % 1000).join(',')}],"End":true}}}`,
  },
  { name: 'NUL characters and lone surrogates', filePath: 'nul.asl.json', text: () => '{"StartAt":"A\u0000","States":{"A\u0000":{"Type":"Pass","Comment":"\ud800","Next":"\udfff"},"\udfff":{"Type":"Succeed"}}}' },
  { name: 'raw control characters inside strings', filePath: 'control.asl.json', text: () => '{"StartAt":"A","States":{"A":{"Type":"Succeed","Comment":"a\u0001\u0000b"}}}' },
  { name: 'a BOM, CRLF and tabs', filePath: 'bom.asl.json', text: () => '\ufeff{\r\n\t"StartAt": "A",\r\n\t"States": {\r\n\t\t"A": { "Type": "Pass", "Next": "B" }\r\n\t}\r\n}\r\n' },
  {
    name: 'YAML billion laughs',
    filePath: 'laughs.asl.yaml',
    text: () => {
      const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      return lines.join('\n') + '\nStartAt: A\nStates:\n  A:\n    Type: Succeed\n';
    },
  },
  { name: 'YAML 1.1 booleans', filePath: 'booleans.asl.yaml', text: () => 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: No\n  No:\n    Type: Succeed\n  Yes:\n    Type: Pass\n    End: yes\n' },
  { name: 'merge conflict markers', filePath: 'conflict.asl.json', text: () => '{\n<<<<<<< HEAD\n  "StartAt": "A",\n=======\n  "StartAt": "B",\n>>>>>>> feature\n  "States": {}\n}\n' },
  { name: 'not JSON at all', filePath: 'binary.asl.json', text: () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' },
];
