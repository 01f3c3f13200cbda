/** Parses a Task state's `Resource` ARN into the integration it names. */

export type IntegrationPattern = 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken' | 'unknown';

export interface TaskResource {
  readonly raw: string;
  /**
   * `service`: an optimized integration (`arn:aws:states:::eks:runJob.sync`);
   * `aws-sdk`: `arn:aws:states:::aws-sdk:<service>:<action>`; `lambda`: a function ARN;
   * `activity`: an activity ARN; `unknown`: anything else (including template placeholders).
   */
  readonly kind: 'service' | 'aws-sdk' | 'lambda' | 'activity' | 'unknown';
  /** Undefined when the partition is a placeholder such as `${AWS::Partition}`. */
  readonly partition?: string;
  readonly region?: string;
  readonly account?: string;
  /** `eks`, `lambda`, `states`…; for `aws-sdk` the SDK service (`s3`). */
  readonly service?: string;
  /** The API as written, without suffix: `runJob`, `invoke`, `getObject`. */
  readonly api?: string;
  /** The suffix after the API as written (`sync`, `sync:2`, `waitForTaskToken`), if any. */
  readonly suffix?: string;
  readonly pattern: IntegrationPattern;
}

const PLACEHOLDER = /\$\{[^}]*\}/g;

export function parseTaskResource(raw: string): TaskResource {
  // Placeholders may hold colons (`${AWS::Partition}`); mask them before splitting.
  const masked = raw.replace(PLACEHOLDER, '\u0000');
  const parts = masked.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return { raw, kind: 'unknown', pattern: 'unknown' };
  const [, partitionPart, arnService, regionPart, accountPart, ...rest] = parts;
  const partition = clean(partitionPart);
  const region = clean(regionPart);
  const account = clean(accountPart);
  if (arnService === 'lambda' && rest[0] === 'function') {
    return { raw, kind: 'lambda', partition, region, account, service: 'lambda', api: 'invoke', pattern: 'requestResponse' };
  }
  if (arnService !== 'states') return { raw, kind: 'unknown', partition, region, account, pattern: 'unknown' };
  if (rest[0] === 'activity') return { raw, kind: 'activity', partition, region, account, pattern: 'requestResponse' };
  if (rest[0] === 'aws-sdk') {
    const { api, suffix, pattern } = splitApi(rest.slice(2).join(':'));
    return { raw, kind: 'aws-sdk', partition, region, account, service: rest[1], api, suffix, pattern };
  }
  const service = rest[0];
  if (!service || service.includes('\u0000')) return { raw, kind: 'unknown', partition, region, account, pattern: 'unknown' };
  const { api, suffix, pattern } = splitApi(rest.slice(1).join(':'));
  return { raw, kind: 'service', partition, region, account, service, api, suffix, pattern };
}

function clean(part: string | undefined): string | undefined {
  return part && !part.includes('\u0000') ? part : undefined;
}

function splitApi(text: string): { api: string; suffix?: string; pattern: IntegrationPattern } {
  const dot = text.indexOf('.');
  if (dot < 0) return { api: text, pattern: 'requestResponse' };
  const suffix = text.slice(dot + 1);
  const pattern: IntegrationPattern =
    suffix === 'sync' ? 'sync' : suffix === 'sync:2' ? 'sync:2' : suffix === 'waitForTaskToken' ? 'waitForTaskToken' : 'unknown';
  return { api: text.slice(0, dot), suffix, pattern };
}
