import { describe, expect, it } from 'vitest';
import { testIdentityDetail } from '../../../testing/identity-detail';
import {
  accountIdOfArn,
  generatePolicy,
  initialGeneratorDraft,
  newCondition,
  type PolicyGeneratorDraft,
  validateGenerator,
} from './policy-generator';

const detail = testIdentityDetail({
  name: 'shop.example',
  arn: 'arn:aws:ses:eu-west-1:111122223333:identity/shop.example',
});

describe('the policy generator', () => {
  it("when it starts, then the identity's own account is the principal (no placeholder) and SendEmail + SendRawEmail are chosen", () => {
    expect(accountIdOfArn(detail.arn)).toBe('111122223333');
    const draft = initialGeneratorDraft(detail);
    expect(draft).toEqual({
      effect: 'Allow',
      principals: '111122223333',
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      conditions: [],
    });
    expect(JSON.parse(generatePolicy(detail, draft))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AuthorizeSending',
          Effect: 'Allow',
          Resource: 'arn:aws:ses:eu-west-1:111122223333:identity/shop.example',
          Principal: { AWS: ['111122223333'] },
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        },
      ],
    });
  });

  it('when accounts, ARNs, actions and conditions are given, then one statement carries them, conditions grouped by operator', () => {
    const draft: PolicyGeneratorDraft = {
      effect: 'Allow',
      principals: '444455556666\n arn:aws:iam::777788889999:user/sender, ',
      actions: ['ses:SendTemplatedEmail', 'ses:SendEmail'],
      conditions: [
        { key: 'aws:SourceAccount', operator: 'StringEquals', value: '444455556666' },
        { key: 'aws:SourceArn', operator: 'ArnLike', value: 'arn:aws:sns:eu-west-1:444455556666:*' },
        { key: 'ses:FromAddress', operator: 'StringLike', value: '*@shop.example' },
        { key: 'ses:FromAddress', operator: 'StringLike', value: 'billing@shop.example' },
      ],
    };
    expect(validateGenerator(draft)).toEqual({});
    const statement = JSON.parse(generatePolicy(detail, draft)).Statement[0];
    expect(statement.Principal).toEqual({ AWS: ['444455556666', 'arn:aws:iam::777788889999:user/sender'] });
    expect(statement.Action).toEqual(['ses:SendEmail', 'ses:SendTemplatedEmail']);
    expect(statement.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '444455556666' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:444455556666:*' },
      StringLike: { 'ses:FromAddress': ['*@shop.example', 'billing@shop.example'] },
    });
  });

  it('when principals, actions or conditions break a rule, then each field says which rule', () => {
    const base = initialGeneratorDraft(detail);
    expect(validateGenerator({ ...base, principals: ' ' }).principals).toBe(
      'Enter at least one AWS account ID or IAM ARN',
    );
    expect(validateGenerator({ ...base, principals: '1234' }).principals).toBe(
      '1234 is not a 12-digit AWS account ID or an IAM ARN such as arn:aws:iam::111122223333:user/sender',
    );
    expect(validateGenerator({ ...base, actions: [] }).actions).toBe('Choose at least one action');
    const withConditions = (conditions: PolicyGeneratorDraft['conditions']) =>
      validateGenerator({ ...base, conditions }).conditions;
    expect(withConditions([{ key: 'aws:SourceAccount', operator: 'StringEquals', value: '12' }])).toEqual([
      { value: 'aws:SourceAccount must be a 12-digit AWS account ID' },
    ]);
    expect(
      withConditions([{ key: 'aws:SourceArn', operator: 'StringEquals', value: 'arn:aws:sns:x' }]),
    ).toEqual([{ operator: 'aws:SourceArn is compared with ArnEquals or ArnLike' }]);
    expect(
      withConditions([{ key: 'ses:FromAddress', operator: 'StringEquals', value: '*@x.example' }]),
    ).toEqual([{ operator: 'A value with * needs StringLike (StringEquals compares it literally)' }]);
    expect(withConditions([{ key: 'ses:FromAddress', operator: 'StringLike', value: '' }])).toEqual([
      { value: 'Enter a value for ses:FromAddress' },
    ]);
  });

  it("when a SourceAccount condition is added, then it starts with the identity's account", () => {
    expect(newCondition(detail)).toEqual({
      key: 'aws:SourceAccount',
      operator: 'StringEquals',
      value: '111122223333',
    });
  });
});
