/**
 * asl-lint never opens a network connection: the CLI runs under a preload that makes every network API throw
 * (test/support/no-network.cjs) and must print exactly what it prints without it. The language server's session
 * under the same preload is in packages/lsp/test/robustness-rpc.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCli, noNetworkPreload, repo } from './support/cli-bin.js';

function node(args: string[], input?: string) {
  const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the no-network preload', () => {
  // The preload itself must work, or the tests below prove nothing.
  it.each([
    ['net.connect', "require('node:net').connect(80, '127.0.0.1')"],
    ['net.Socket#connect', "new (require('node:net').Socket)().connect(80, '127.0.0.1')"],
    ['net.createConnection', "require('node:net').createConnection({ port: 80 })"],
    ['dns.lookup', "require('node:dns').lookup('example.com', () => {})"],
    ['http.request', "require('node:http').request('http://example.com')"],
    ['http.get', "require('node:http').get('http://example.com')"],
    ['https.request', "require('node:https').request('https://example.com')"],
    ['https.get', "require('node:https').get('https://example.com')"],
    ['tls.connect', "require('node:tls').connect(443, 'example.com')"],
    ['dgram.createSocket', "require('node:dgram').createSocket('udp4')"],
    ['fetch', "fetch('https://example.com')"],
  ])('%s throws', (what, code) => {
    const run = node(['--require', noNetworkPreload, '-e', code]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`asl-lint test: network access refused (${what})`);
  });

  it('reaches ES module imports of the network modules too', () => {
    const run = node(['--require', noNetworkPreload, '--input-type=module', '-e', "import { connect } from 'node:net'; connect(80, '127.0.0.1');"]);
    expect(run.stderr).toContain('asl-lint test: network access refused (net.connect)');
  });
});

describe('the CLI without network', () => {
  const bin = buildCli();
  const runs: [string, string[], string?][] = [
    ['every fixture and example, JSON report', ['-f', 'json', 'fixtures', 'examples']],
    ['the examples, SARIF report', ['-f', 'sarif', 'examples']],
    ['templates, CDK sources and a SAM DefinitionUri', ['-f', 'json', '--cdk', 'fixtures/templates/cdk/custom-state.ts', 'fixtures/templates/cdk/cfn-state-machine.js', 'fixtures/templates/sam-definition-uri', 'fixtures/templates/cfn-join.yaml']],
    ['--fix-dry-run', ['--fix-dry-run', 'fixtures/rules/eks/run-job-sync/invalid/fire-and-forget.asl.yaml']],
    ['--stdin', ['--stdin', '--stdin-filename', 'flow.asl.json'], '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::eks:runJob","End":true}}}'],
    ['policy', ['policy', 'examples/eks-batch-job.asl.json']],
  ];

  const withoutNetwork = new Map<string, ReturnType<typeof node>>();
  it.each(runs)('%s: the same output as with the network', (name, args, input) => {
    const free = node([bin, ...args], input);
    const refused = node(['--require', noNetworkPreload, bin, ...args], input);
    withoutNetwork.set(name, refused);
    expect(refused).toEqual(free);
    expect(refused.stderr).toBe('');
    expect(refused.stdout.length).toBeGreaterThan(100);
  });

  it('the JSON report lints every file with findings (not an empty run)', () => {
    // The run above, or (when this test runs alone) a fresh one.
    const run = withoutNetwork.get('every fixture and example, JSON report') ?? node(['--require', noNetworkPreload, bin, '-f', 'json', 'fixtures', 'examples']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.length).toBeGreaterThan(50);
    expect(results.find((r) => r.filePath.endsWith('fire-and-forget.asl.yaml'))?.messages.map((m) => m.ruleId)).toEqual(['eks/run-job-sync', 'eks/run-job-sync']);
  });
});
