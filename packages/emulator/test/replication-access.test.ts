import { describe, expect, it } from 'vitest';
import { replicationDenied } from '../src/services/ses/model/replication-access.js';

/** The parent's identity policies as the emulator's stand-in for IAM's replication permission. */
describe('replicationDenied: a Deny on ses:ReplicateEmailIdentityDkimSigningKey in the parent’s policies', () => {
  const request = {
    parentArn: 'arn:aws:ses:us-east-1:111122223333:identity/example.com',
    accountId: '111122223333',
    replicaRegion: 'eu-west-1',
  };
  const denies = (...statements: Record<string, unknown>[]) =>
    replicationDenied({ p: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }, request);
  const deny = { Effect: 'Deny', Principal: '*', Action: 'ses:ReplicateEmailIdentityDkimSigningKey' };

  it('when a Deny names the action (any case, or a wildcard), then replication is denied', () => {
    expect(denies(deny)).toBe(true);
    expect(denies({ ...deny, Action: 'SES:replicateemailidentitydkimsigningkey' })).toBe(true);
    expect(denies({ ...deny, Action: ['ses:SendEmail', 'ses:Replicate*'] })).toBe(true);
    expect(denies({ ...deny, Action: '*' })).toBe(true);
  });

  it('when the statement allows, names other actions or excludes this one with NotAction, then it is not denied', () => {
    expect(denies({ ...deny, Effect: 'Allow' })).toBe(false);
    expect(denies({ ...deny, Action: ['ses:SendEmail', 'ses:SendRawEmail'] })).toBe(false);
    expect(denies({ Effect: 'Deny', Principal: '*', NotAction: 'ses:Replicate*' })).toBe(false);
    expect(denies({ Effect: 'Deny', Principal: '*', NotAction: 'ses:SendEmail' })).toBe(true);
  });

  it('when the Resource or Principal does not cover the parent or the caller’s account, then it is not denied', () => {
    expect(denies({ ...deny, Resource: 'arn:aws:ses:us-east-1:111122223333:identity/other.com' })).toBe(
      false,
    );
    expect(denies({ ...deny, Resource: 'arn:aws:ses:*:111122223333:identity/example.com' })).toBe(true);
    expect(denies({ ...deny, Principal: { AWS: 'arn:aws:iam::999988887777:root' } })).toBe(false);
    expect(denies({ ...deny, Principal: { AWS: ['arn:aws:iam::111122223333:role/Deployer'] } })).toBe(true);
    expect(denies({ ...deny, Principal: { AWS: '111122223333' } })).toBe(true);
  });

  it('when a ses:ReplicaRegion condition is given, then it decides by the replica Region; any other condition makes the statement not apply', () => {
    const onRegions = (operator: string, regions: string | string[]) =>
      denies({ ...deny, Condition: { [operator]: { 'ses:ReplicaRegion': regions } } });
    expect(onRegions('StringEquals', 'eu-west-1')).toBe(true);
    expect(onRegions('StringEquals', ['us-west-2'])).toBe(false);
    expect(onRegions('StringNotEquals', ['us-west-2', 'ap-south-1'])).toBe(true);
    expect(onRegions('ForAllValues:StringEquals', ['us-west-2', 'eu-west-1'])).toBe(true);
    expect(onRegions('ForAnyValue:StringLike', 'eu-*')).toBe(true);
    expect(onRegions('StringNotLike', 'eu-*')).toBe(false);
    expect(denies({ ...deny, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'mail' } } })).toBe(false);
    expect(denies({ ...deny, Condition: { DateGreaterThan: { 'ses:ReplicaRegion': 'x' } } })).toBe(false);
  });

  it('when a policy is not valid JSON or has no statements, then it denies nothing', () => {
    expect(replicationDenied({ a: 'not json', b: '{}', c: '{"Statement":"x"}' }, request)).toBe(false);
  });
});
