import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn } from '@asl-lint/core';
import { ruleTester, runRule } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/cluster-cleanup.js';
import { clean, leaking } from './cluster-cleanup.cases.js';
import { createCluster, deleteCluster, stateKey, workflow } from './flow-workflows.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const leak = (code: string, creator: string, message: string) => ({ messageId: 'leak', message, ...stateKey(code, creator) });

const CATCH_ALL_RUN_JOB = 'Fix: add a Catch with "States.ALL" to "Run job" that leads to a cleanup chain deleting it';
const DELETE_BEFORE_END = 'Fix: delete it before the workflow ends';

const jsonata = (deleteName: string) => `{
  "QueryLanguage": "JSONata",
  "StartAt": "Create cluster",
  "States": {
    "Create cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createCluster.sync",
      "Arguments": {
        "Name": "{% $states.input.name %}",
        "RoleArn": "arn:aws:iam::111122223333:role/eks-cluster",
        "ResourcesVpcConfig": { "SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"] }
      },
      "Next": "Delete cluster"
    },
    "Delete cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteCluster.sync",
      "Arguments": { "Name": "${deleteName}" },
      "End": true
    }
  }
}
`;

ruleTester(rule, {
  valid: [
    ...Object.entries(clean).map(([name, code]) => ({ name, code })),
    { name: 'JSONata: the same expression names the cluster', code: jsonata('{% $states.input.name %}') },
    { name: 'a failing .sync create created nothing (default)', code: workflow({ 'Create cluster': createCluster('etl', { next: 'Delete cluster' }), 'Delete cluster': deleteCluster('etl') }) },
  ],
  invalid: [
    {
      name: 'normal end without a delete',
      code: leaking.normalEnd,
      errors: [
        leak(
          leaking.normalEnd,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when the execution succeeds after "Done": Create cluster → Run job → Done → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'uncaught failure (Retry does not help)',
      code: leaking.uncaught,
      errors: [
        leak(
          leaking.uncaught,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when "Run job" fails with States.TaskFailed and no Catch handles it: Create cluster → Run job --(States.TaskFailed, no Catch)→ execution fails. ${CATCH_ALL_RUN_JOB}`,
        ),
      ],
    },
    {
      name: 'a Choice Default that skips the delete',
      code: leaking.choiceDefault,
      errors: [
        leak(
          leaking.choiceDefault,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when the execution succeeds after "Done": Create cluster → Run job → Check --(Default)→ Report → Done → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'a Choice without Default',
      code: leaking.choiceWithoutDefault,
      errors: [
        leak(
          leaking.choiceWithoutDefault,
          'Create cluster',
          'Cluster "etl" created by "Create cluster" is left running when Choice "Check" matches no rule and has no Default: Create cluster → Check --(States.NoChoiceMatched, no Default)→ execution fails. Fix: give "Check" a Default that leads to the cleanup',
        ),
      ],
    },
    {
      name: 'a Catch that leads to a Fail state',
      code: leaking.failState,
      errors: [
        leak(
          leaking.failState,
          'Create cluster',
          'Cluster "etl" created by "Create cluster" is left running when Fail state "Job failed" ends the execution: Create cluster → Run job --(States.TaskFailed, Catch[0])→ Job failed --(Fail: Job.Failed)→ execution fails. Fix: delete it on the way to "Job failed"',
        ),
      ],
    },
    {
      name: 'a catcher for EKS.401 only',
      code: leaking.partialCatch,
      errors: [
        leak(
          leaking.partialCatch,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when "Run job" fails with States.TaskFailed and none of its catchers matches: Create cluster → Run job --(States.TaskFailed, no matching Catch)→ execution fails. ${CATCH_ALL_RUN_JOB}`,
        ),
      ],
    },
    {
      name: 'States.TaskFailed does not catch States.Timeout',
      code: leaking.taskFailedLeavesTimeout,
      errors: [
        leak(
          leaking.taskFailedLeavesTimeout,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when "Run job" fails with States.Timeout and none of its catchers matches: Create cluster → Run job --(States.Timeout, no matching Catch)→ execution fails. ${CATCH_ALL_RUN_JOB}`,
        ),
      ],
    },
    {
      name: 'the cleanup deletes another cluster',
      code: leaking.wrongName,
      errors: [
        leak(
          leaking.wrongName,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when the execution succeeds after "Delete cluster": Create cluster → Run job → Delete cluster → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'a delete of an unknown name does not delete a known one',
      code: leaking.unknownNameDelete,
      errors: [
        leak(
          leaking.unknownNameDelete,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when the execution succeeds after "Delete cluster": Create cluster → Run job → Delete cluster → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'JSONata: another expression names another cluster',
      code: jsonata('{% $states.input.other %}'),
      errors: [
        leak(
          jsonata('{% $states.input.other %}'),
          'Create cluster',
          `Cluster named by {% $states.input.name %} created by "Create cluster" is left running when the execution succeeds after "Delete cluster": Create cluster → Delete cluster → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'a polling loop whose exit skips the delete',
      code: leaking.loop,
      errors: [
        leak(
          leaking.loop,
          'Create cluster',
          `Cluster named by $.name created by "Create cluster" is left running when the execution succeeds after "Finish": Create cluster → Wait → Poll → Done? --(Choices[0])→ Finish → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'the node group cleanup names another node group',
      code: leaking.nodegroupLeft,
      errors: [
        leak(
          leaking.nodegroupLeft,
          'Create nodes',
          `Node group "workers" of cluster "etl" created by "Create nodes" is left running when the execution succeeds after "Delete cluster": Create nodes → Run job → Delete nodes → Delete cluster → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'a Fargate profile without a delete',
      code: leaking.fargate,
      errors: [
        leak(
          leaking.fargate,
          'Create profile',
          `Fargate profile "jobs" of cluster "etl" created by "Create profile" is left running when the execution succeeds after "Delete cluster": Create profile → Run job → Delete cluster → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'created in a Parallel branch, never deleted on success',
      code: leaking.parallelBranchCreates,
      errors: [
        leak(
          leaking.parallelBranchCreates,
          'Create cluster',
          `Cluster "a" created by "Create cluster" is left running when the execution succeeds after "Done": Create cluster → Run job --(end of branch)→ Fan out → Done → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'another branch fails while the cluster exists',
      code: leaking.parallelSiblingFails,
      errors: [
        leak(
          leaking.parallelSiblingFails,
          'Create cluster',
          'Cluster "a" created by "Create cluster" is left running when "Fan out" fails with States.TaskFailed and no Catch handles it: Create cluster --(meanwhile, another branch of Fan out)→ Notify --(States.TaskFailed, no Catch)→ Fan out fails --(States.TaskFailed, no Catch)→ execution fails. Fix: add a Catch with "States.ALL" to "Fan out" that leads to a cleanup chain deleting it',
        ),
      ],
    },
    {
      name: 'a failing Map iteration',
      code: leaking.mapIteration,
      errors: [
        leak(
          leaking.mapIteration,
          'Create cluster',
          'Cluster named by $.name created by "Create cluster" is left running when "Per item" fails with States.TaskFailed and no Catch handles it: Create cluster → Run job --(States.TaskFailed, no Catch)→ Per item fails --(States.TaskFailed, no Catch)→ execution fails. Fix: add a Catch with "States.ALL" to "Run job" that leads to a cleanup chain deleting it',
        ),
      ],
    },
    {
      name: 'another Map iteration fails and stops this one',
      code: leaking.mapOtherIterationFails,
      errors: [
        leak(
          leaking.mapOtherIterationFails,
          'Create cluster',
          'Cluster named by $.name created by "Create cluster" is left running when "Per item" fails with States.TaskFailed and no Catch handles it: Create cluster --(meanwhile, another iteration of Per item)→ Per item fails --(States.TaskFailed, no Catch)→ execution fails. Fix: catch every failure inside the iterations of "Per item" and clean up there, so that no iteration fails and stops the others (or set MaxConcurrency to 1)',
        ),
      ],
    },
    {
      name: 'a tolerated iteration failure lets the Map finish',
      code: leaking.mapTolerated,
      errors: [
        leak(
          leaking.mapTolerated,
          'Create cluster',
          `Cluster named by $.name created by "Create cluster" is left running when the execution succeeds after "Done": Create cluster → Run job --(States.TaskFailed, tolerated)→ Per item → Done → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'the AWS SDK integration creates clusters too',
      code: leaking.sdkCreate,
      errors: [
        leak(
          leaking.sdkCreate,
          'Create cluster',
          `Cluster "etl" created by "Create cluster" is left running when the execution succeeds after "Notify": Create cluster → Notify → execution succeeds. ${DELETE_BEFORE_END}`,
        ),
      ],
    },
    {
      name: 'failedSyncCreateMayLeaveResource: a failing .sync create counts',
      code: workflow({ 'Create cluster': createCluster('etl', { next: 'Delete cluster' }), 'Delete cluster': deleteCluster('etl') }),
      options: { failedSyncCreateMayLeaveResource: true },
      errors: [
        {
          messageId: 'leak',
          message:
            'Cluster "etl" created by "Create cluster" is left running when "Create cluster" fails with States.TaskFailed and no Catch handles it: Create cluster --(States.TaskFailed, no Catch)→ execution fails. Fix: add a Catch with "States.ALL" to "Create cluster" that leads to a cleanup chain deleting it',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 21,
        },
      ],
    },
  ],
});

describe('eks/cluster-cleanup on AWS\'s sample (sample-eks-cluster.md)', () => {
  const path = join(repo, '..', 'shared', 'corpus', 'eks', 'awsdocs__aws-step-functions-developer-guide__doc_source__sample-eks-cluster.md__block1.asl.json');
  const code = readFileSync(path, 'utf8');

  it('reports the cluster and the node group a failing Job leaves running, with their witnesses', () => {
    const { findings } = runRule(rule, { code, filename: 'sample.asl.json' });
    expect(findings.map(({ message, line, column, endLine, endColumn }) => ({ message, line, column, endLine, endColumn }))).toEqual([
      {
        message:
          'Cluster "ExampleCluster" created by "Create an EKS cluster" is left running when "Create a node group" fails with States.TaskFailed and no Catch handles it: Create an EKS cluster → Create a node group --(States.TaskFailed, no Catch)→ execution fails. It is also left running at 4 other exits (see related locations). Fix: add a Catch with "States.ALL" to "Create a node group" that leads to a cleanup chain deleting it',
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 28,
      },
      {
        message:
          'Node group "ExampleNodegroup" of cluster "ExampleCluster" created by "Create a node group" is left running when "Run a job on EKS" fails with States.TaskFailed and no Catch handles it: Create a node group → Run a job on EKS --(States.TaskFailed, no Catch)→ execution fails. It is also left running at 3 other exits (see related locations). Fix: add a Catch with "States.ALL" to "Run a job on EKS" that leads to a cleanup chain deleting it',
        line: 31,
        column: 5,
        endLine: 31,
        endColumn: 26,
      },
    ]);
  });

  it('carries the witness and the other exits as related locations (for SARIF and the editor)', () => {
    const result = lintText(code, { filePath: 'sample.asl.json', rules: resolveRules([rule], []) });
    const related = result.diagnostics[1]!.related!.map((item) => `${toLineColumn(result.lines, item.range).line}: ${item.message}`);
    expect(related).toEqual([
      '31: 1. Create a node group creates node group "ExampleNodegroup" of cluster "ExampleCluster" → Run a job on EKS',
      '56: 2. Run a job on EKS --(States.TaskFailed, no Catch)→ execution fails',
      '137: Node group "ExampleNodegroup" of cluster "ExampleCluster" is also left running when "Send unexpected result" fails with States.TaskFailed and no Catch handles it',
      '125: Node group "ExampleNodegroup" of cluster "ExampleCluster" is also left running when "Send expected result" fails with States.TaskFailed and no Catch handles it',
      '149: Node group "ExampleNodegroup" of cluster "ExampleCluster" is also left running when "Delete job" fails with States.TaskFailed and no Catch handles it',
    ]);
  });
});
