import type { IdentitySummary, VerificationStatus } from '@ses-console/contract';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IdentityStatus } from '../components/identity-status-indicator';
import { sortIdentities, statusDisplay } from './identity-status';

const identity = (name: string, status: VerificationStatus): IdentitySummary => ({
  name,
  type: name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
  status,
  sendingEnabled: status === 'SUCCESS',
});

describe('identity status display', () => {
  it.each([
    ['SUCCESS', 'Verified', 'success'],
    ['FAILED', 'Failure', 'error'],
    ['PENDING', 'Pending', 'pending'],
    ['TEMPORARY_FAILURE', 'Temporary Failure', 'warning'],
    ['NOT_STARTED', 'Not started', 'stopped'],
  ] as const)('when the status is %s, then it reads "%s" with the %s indicator', (status, label, type) => {
    expect(statusDisplay[status]).toEqual({ label, type });
    render(<IdentityStatus status={status} />);
    expect(screen.getByText(label)).toBeTruthy();
  });
});

describe('sorting by status', () => {
  const items = [
    identity('zeta.example', 'SUCCESS'),
    identity('alpha.example', 'PENDING'),
    identity('b@alpha.example', 'FAILED'),
    identity('a@alpha.example', 'FAILED'),
    identity('temp.example', 'TEMPORARY_FAILURE'),
    identity('idle.example', 'NOT_STARTED'),
    identity('beta.example', 'SUCCESS'),
  ];

  it('when ascending, then Failure, Temporary Failure, Pending, Not started, Verified come in that order with ties A→Z', () => {
    expect(sortIdentities(items, 'status', false).map((i) => i.name)).toEqual([
      'a@alpha.example',
      'b@alpha.example',
      'temp.example',
      'alpha.example',
      'idle.example',
      'beta.example',
      'zeta.example',
    ]);
  });

  it('when descending, then the status order reverses while ties stay A→Z by name', () => {
    expect(sortIdentities(items, 'status', true).map((i) => i.name)).toEqual([
      'beta.example',
      'zeta.example',
      'idle.example',
      'alpha.example',
      'temp.example',
      'a@alpha.example',
      'b@alpha.example',
    ]);
  });

  it('when sorting by identity descending, then names go Z→A', () => {
    expect(sortIdentities(items, 'name', true)[0]?.name).toBe('zeta.example');
  });

  it('when sorting by identity type, then domains come before email addresses, each A→Z', () => {
    expect(sortIdentities(items, 'type', false).map((i) => i.type)).toEqual([
      'DOMAIN',
      'DOMAIN',
      'DOMAIN',
      'DOMAIN',
      'DOMAIN',
      'EMAIL_ADDRESS',
      'EMAIL_ADDRESS',
    ]);
  });

  it('when sorting, then the input array is left untouched', () => {
    const before = items.map((i) => i.name);
    sortIdentities(items, 'status', false);
    expect(items.map((i) => i.name)).toEqual(before);
  });

  it('when many identities in several Regions are sorted by status or type either way, then the order is a stable sort of the A→Z list by that column', () => {
    const statuses: VerificationStatus[] = [
      'SUCCESS',
      'PENDING',
      'FAILED',
      'TEMPORARY_FAILURE',
      'NOT_STARTED',
    ];
    const many = Array.from({ length: 600 }, (_, i) => ({
      ...identity(
        i % 3 === 0 ? `user${(i * 7) % 200}@example.com` : `d${(i * 13) % 300}.example`,
        statuses[(i * 11) % 5] as VerificationStatus,
      ),
      region: ['us-east-1', 'eu-west-1'][i % 2] as string,
    }));
    const collator = new Intl.Collator();
    const aToZ = [...many].sort(
      (a, b) => collator.compare(a.name, b.name) || collator.compare(a.region, b.region),
    );
    const rank = (s: VerificationStatus) =>
      ['FAILED', 'TEMPORARY_FAILURE', 'PENDING', 'NOT_STARTED', 'SUCCESS'].indexOf(s);
    const key = (row: (typeof many)[number]) => `${row.name} ${row.region}`;
    for (const descending of [false, true]) {
      const sign = descending ? -1 : 1;
      expect(sortIdentities(many, 'status', descending).map(key)).toEqual(
        [...aToZ].sort((a, b) => sign * (rank(a.status) - rank(b.status))).map(key),
      );
      expect(sortIdentities(many, 'type', descending).map(key)).toEqual(
        [...aToZ].sort((a, b) => sign * (a.type === b.type ? 0 : a.type === 'DOMAIN' ? -1 : 1)).map(key),
      );
    }
  });
});
