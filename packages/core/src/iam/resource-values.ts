/** Turns a literal parameter value (a name, a URL, a partial ARN) into the ARN parts a policy names. */
import type { ResourceValueKind } from '../catalog/iam.js';

export interface ResourceParts {
  /** The whole resource ARN; may hold `{partition}`/`{region}`/`{account}` for parts the value leaves out. */
  readonly arn: string;
  readonly name: string;
  readonly region?: string;
  readonly account?: string;
}

export type ParsedResourceValue = { readonly ok: true; readonly parts: ResourceParts } | { readonly ok: false; readonly expected: string };

const ROLE_ARN = /^arn:[a-z-]+:iam::\d{12}:role\/(?:[\x21-\x7e]+\/)?([\w+=,.@-]+)$/;
const LAMBDA_ARN = /^arn:[a-z-]+:lambda:([a-z0-9-]+):(\d{12}):function:([\w-]+)(?::[\w$-]+)?$/;
const LAMBDA_PARTIAL = /^(\d{12}):function:([\w-]+)(?::[\w$-]+)?$/;
const LAMBDA_NAME = /^([\w-]+)(?::[\w$-]+)?$/;
const SNS_ARN = /^arn:[a-z-]+:sns:([a-z0-9-]+):(\d{12}):([\w-]+(?:\.fifo)?)$/;
const SQS_URL = /^https:\/\/(?:sqs\.([a-z0-9-]+)\.[a-z0-9.-]+|([a-z0-9-]+)\.queue\.amazonaws\.com)\/(\d{12})\/([\w-]+(?:\.fifo)?)$/;
const TABLE_ARN = /^arn:[a-z-]+:dynamodb:([a-z0-9-]+):(\d{12}):table\/([\w.-]+)$/;
const TABLE_NAME = /^[\w.-]{1,255}$/;
const STATE_MACHINE_ARN = /^arn:[a-z-]+:states:([a-z0-9-]+):(\d{12}):stateMachine:([\w-]+)(?::[\w-]+)?$/;
const TASK_DEFINITION_ARN = /^arn:[a-z-]+:ecs:([a-z0-9-]+):(\d{12}):task-definition\/([\w-]+):\d+$/;
const TASK_DEFINITION = /^([\w-]{1,255})(?::(\d+))?$/;
const EVENT_BUS_ARN = /^arn:[a-z-]+:events:([a-z0-9-]+):(\d{12}):event-bus\/([\w.\/-]+)$/;
const EVENT_BUS_NAME = /^[\w.\/-]{1,256}$/;

/** Parses a literal value of `kind`; `{partition}` etc. stand for what the value does not say. */
export function parseResourceValue(kind: ResourceValueKind, value: string): ParsedResourceValue {
  switch (kind) {
    case 'name':
      return value.length > 0 && !/[*?]/.test(value) ? ok({ arn: value, name: value }) : fail('a name without wildcards');
    case 'iam-role-arn': {
      const match = ROLE_ARN.exec(value);
      return match ? ok({ arn: value, name: match[1] }) : fail('an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)');
    }
    case 'lambda-function': {
      let match = LAMBDA_ARN.exec(value);
      if (match) return ok({ arn: value, name: match[3], region: match[1], account: match[2] });
      match = LAMBDA_PARTIAL.exec(value);
      if (match) return ok({ arn: `arn:{partition}:lambda:{region}:${value}`, name: match[2], account: match[1] });
      match = LAMBDA_NAME.exec(value);
      if (match) return ok({ arn: `arn:{partition}:lambda:{region}:{account}:function:${value}`, name: match[1] });
      return fail('a function name or ARN');
    }
    case 'sns-topic-arn': {
      const match = SNS_ARN.exec(value);
      return match ? ok({ arn: value, name: match[3], region: match[1], account: match[2] }) : fail('a topic ARN');
    }
    case 'sqs-queue-url': {
      const match = SQS_URL.exec(value);
      if (!match) return fail('a queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>)');
      const region = match[1] ?? match[2];
      return ok({ arn: `arn:{partition}:sqs:${region}:${match[3]}:${match[4]}`, name: match[4], region, account: match[3] });
    }
    case 'dynamodb-table': {
      const match = TABLE_ARN.exec(value);
      if (match) return ok({ arn: value, name: match[3], region: match[1], account: match[2] });
      return TABLE_NAME.test(value) ? ok({ arn: `arn:{partition}:dynamodb:{region}:{account}:table/${value}`, name: value }) : fail('a table name or ARN');
    }
    case 'state-machine-arn': {
      const match = STATE_MACHINE_ARN.exec(value);
      return match ? ok({ arn: value, name: match[3], region: match[1], account: match[2] }) : fail('a state machine ARN');
    }
    case 'ecs-task-definition': {
      let match = TASK_DEFINITION_ARN.exec(value);
      if (match) return ok({ arn: value, name: match[3], region: match[1], account: match[2] });
      match = TASK_DEFINITION.exec(value);
      if (!match) return fail('a task definition family, family:revision or ARN');
      // Without a revision the latest one runs: any revision of the family.
      return ok({ arn: `arn:{partition}:ecs:{region}:{account}:task-definition/${match[1]}:${match[2] ?? '*'}`, name: match[1] });
    }
    case 'event-bus': {
      const match = EVENT_BUS_ARN.exec(value);
      if (match) return ok({ arn: value, name: match[3], region: match[1], account: match[2] });
      return EVENT_BUS_NAME.test(value) ? ok({ arn: `arn:{partition}:events:{region}:{account}:event-bus/${value}`, name: value }) : fail('an event bus name or ARN');
    }
  }
}

function ok(parts: ResourceParts): ParsedResourceValue {
  return { ok: true, parts };
}

function fail(expected: string): ParsedResourceValue {
  return { ok: false, expected };
}
