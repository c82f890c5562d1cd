import type { Scope } from '../../../store/ses-records.js';
import { invalidParameter } from '../errors.js';

/** Topic names: 1–256 letters, digits, `_` and `-` (FIFO topics, `.fifo`, are not emulated). */
export const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

export function topicArn(scope: Scope, name: string): string {
  return `arn:aws:sns:${scope.region}:${scope.accountId}:${name}`;
}

export interface ParsedArn {
  region: string;
  accountId: string;
  /** The part after the account: a topic name, or `<topic>:<subscription id>`. */
  resource: string;
}

/**
 * Splits an SNS ARN as SNS reads it (`arn:aws:sns:<region>:<account>:<resource>`), or throws SNS's
 * `Invalid parameter: <param> Reason: An ARN must have at least 6 elements, not N`.
 */
export function parseSnsArn(arn: string, param: string): ParsedArn {
  const parts = arn.split(':');
  if (parts.length < 6) {
    throw invalidParameter(param, `An ARN must have at least 6 elements, not ${parts.length}`);
  }
  if (parts[0] !== 'arn' || parts[2] !== 'sns' || !parts[1]?.startsWith('aws')) {
    throw invalidParameter(param, `${arn} is not an SNS ARN`);
  }
  return {
    region: parts[3] as string,
    accountId: parts[4] as string,
    resource: parts.slice(5).join(':'),
  };
}

/** A topic ARN's parts, or undefined when it is not one (used by SES, which answers in its own words). */
export function topicOfArn(arn: string): (Scope & { name: string }) | undefined {
  const m = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256})$/.exec(arn);
  return m ? { region: m[1] as string, accountId: m[2] as string, name: m[3] as string } : undefined;
}
