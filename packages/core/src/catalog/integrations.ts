/**
 * The other optimized integrations a Task commonly names, for completion and hover only: no parameter checks.
 * Patterns from the optimized-integrations table (docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html).
 */
import type { IntegrationPattern } from '../resource.js';

export interface IntegrationSummary {
  /** `service:api` as written after `arn:aws:states:::` (`aws-sdk:*` stands for every SDK action). */
  readonly resource: string;
  readonly patterns: readonly IntegrationPattern[];
  readonly summary: string;
  readonly docsUrl: string;
}

const DOCS = 'https://docs.aws.amazon.com/step-functions/latest/dg/';

export const OTHER_INTEGRATIONS: readonly IntegrationSummary[] = [
  { resource: 'lambda:invoke', patterns: ['requestResponse', 'waitForTaskToken'], summary: 'Invokes a Lambda function.', docsUrl: `${DOCS}connect-lambda.html` },
  { resource: 'sns:publish', patterns: ['requestResponse', 'waitForTaskToken'], summary: 'Publishes a message to an SNS topic.', docsUrl: `${DOCS}connect-sns.html` },
  { resource: 'sqs:sendMessage', patterns: ['requestResponse', 'waitForTaskToken'], summary: 'Sends a message to an SQS queue.', docsUrl: `${DOCS}connect-sqs.html` },
  { resource: 'dynamodb:getItem', patterns: ['requestResponse'], summary: 'Reads an item from a DynamoDB table.', docsUrl: `${DOCS}connect-ddb.html` },
  { resource: 'dynamodb:putItem', patterns: ['requestResponse'], summary: 'Writes an item to a DynamoDB table.', docsUrl: `${DOCS}connect-ddb.html` },
  { resource: 'dynamodb:updateItem', patterns: ['requestResponse'], summary: 'Updates an item of a DynamoDB table.', docsUrl: `${DOCS}connect-ddb.html` },
  { resource: 'dynamodb:deleteItem', patterns: ['requestResponse'], summary: 'Deletes an item from a DynamoDB table.', docsUrl: `${DOCS}connect-ddb.html` },
  {
    resource: 'states:startExecution',
    patterns: ['requestResponse', 'sync', 'sync:2', 'waitForTaskToken'],
    summary: 'Starts a nested Step Functions execution (`.sync:2` returns its output as JSON).',
    docsUrl: `${DOCS}connect-stepfunctions.html`,
  },
  { resource: 'ecs:runTask', patterns: ['requestResponse', 'sync', 'waitForTaskToken'], summary: 'Runs an ECS or Fargate task.', docsUrl: `${DOCS}connect-ecs.html` },
  { resource: 'batch:submitJob', patterns: ['requestResponse', 'sync'], summary: 'Submits an AWS Batch job.', docsUrl: `${DOCS}connect-batch.html` },
  { resource: 'glue:startJobRun', patterns: ['requestResponse', 'sync'], summary: 'Starts an AWS Glue job run.', docsUrl: `${DOCS}connect-glue.html` },
  { resource: 'http:invoke', patterns: ['requestResponse'], summary: 'Calls an HTTPS API through an EventBridge connection (60 s at most).', docsUrl: `${DOCS}call-https-apis.html` },
  {
    resource: 'aws-sdk:*',
    patterns: ['requestResponse', 'waitForTaskToken'],
    summary: 'Calls any AWS SDK action: `arn:aws:states:::aws-sdk:<service>:<action>` (camelCase action).',
    docsUrl: `${DOCS}supported-services-awssdk.html`,
  },
];
