#!/usr/bin/env node
// Time per state of the EKS flow analysis (graph + fixpoint + leak witnesses) on generated workflows of 1k and 10k
// states, and of a full lint with the four flow rules. Uses the built packages: run `pnpm build` first.
//   node bench/flow-scaling.mjs [--held N] [--runs N]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { analyzeEksFlow, buildStateMachine, lintText, parseJson, resolveRules } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { generateFlowWorkflow } from './flow-workflow.mjs';

const { values } = parseArgs({ options: { held: { type: 'string', default: '0' }, runs: { type: 'string', default: '15' } } });
const held = Number(values.held);
const runs = Number(values.runs);
const FLOW_RULES = ['eks/cluster-cleanup', 'eks/delete-order', 'eks/wait-for-active', 'eks/kubernetes-access'];
const flowRules = resolveRules(allRules.filter((rule) => FLOW_RULES.includes(rule.meta.id)), []);

function best(run) {
  let fastest = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return { ms: fastest, result };
}

// Warm the JIT up on a small workflow so that the first size measured is not penalised.
{
  const { definition } = generateFlowWorkflow(500, { held });
  const text = JSON.stringify(definition);
  for (let i = 0; i < 3; i++) lintText(text, { filePath: 'warm-up.asl.json', rules: flowRules });
}

console.log(`flow analysis scaling (best of ${runs} runs, ${held} clusters held across the whole workflow)`);
console.log('states   analysis ms   µs/state   lint(flow rules) ms   µs/state   leaks found/expected');
console.log('(analysis: graph, fixpoint and leak witnesses on a built model; lint: parse, model and the four flow rules)');
for (const size of [1000, 10000]) {
  const { definition, states, expectedLeaks } = generateFlowWorkflow(size, { held });
  const text = JSON.stringify(definition, null, 2);
  const document = parseJson(text);
  // A fresh model for each run (the analysis is cached per model), built outside the timed part.
  const machines = Array.from({ length: runs }, () => buildStateMachine({ kind: 'state-machine', root: document.root, host: text, editable: true }));
  const analysis = best(() => analyzeEksFlow(machines.pop()).leaks().length);
  const lint = best(() => lintText(text, { filePath: 'generated.asl.json', rules: flowRules }).diagnostics.filter((d) => d.ruleId === 'eks/cluster-cleanup').length);
  console.log(
    [
      String(states).padStart(6),
      analysis.ms.toFixed(1).padStart(12),
      ((analysis.ms * 1000) / states).toFixed(2).padStart(10),
      lint.ms.toFixed(1).padStart(21),
      ((lint.ms * 1000) / states).toFixed(2).padStart(10),
      `${analysis.result}/${expectedLeaks}`.padStart(22),
    ].join(' '),
  );
}
