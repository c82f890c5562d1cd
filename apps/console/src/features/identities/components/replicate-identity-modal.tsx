import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { RegionInfo, ReplicateResult } from '@ses-console/contract';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { StatusText } from '../../../components/text-wrapping';
import { countOf } from '../../../lib/plural';
import { useReplicateIdentity } from '../api/use-replicate-identity';

type RegionProgress =
  | { region: RegionInfo; state: 'waiting' | 'replicating' }
  | { region: RegionInfo; result: ReplicateResult };

const outcomeDisplay: Record<ReplicateResult['outcome'], ReactNode> = {
  created: <StatusText type="success">Created</StatusText>,
  already_exists: <StatusText type="info">Already exists</StatusText>,
  failed: <StatusText type="error">Failed</StatusText>,
  // A create was sent but never confirmed: the replica may or may not exist.
  unknown: <StatusText type="warning">Not confirmed</StatusText>,
};

function progressCell(row: RegionProgress): ReactNode {
  if ('result' in row) return outcomeDisplay[row.result.outcome];
  return row.state === 'replicating' ? (
    <StatusText type="in-progress">Replicating</StatusText>
  ) : (
    <StatusText type="pending">Waiting</StatusText>
  );
}

export interface ReplicateIdentityModalProps {
  visible: boolean;
  region: string;
  identity: string;
  /** The Regions that lack the domain (the only ones offered). */
  regions: RegionInfo[];
  onDismiss(): void;
}

const regionLabel = (r: RegionInfo) => (r.name === r.code ? r.code : `${r.name} (${r.code})`);

/**
 * "Replicate to Regions": choose Regions that lack the domain; each gets a replica of this identity
 * (one request per Region), and the dialog shows each Region's progress, then its result.
 */
export function ReplicateIdentityModal(props: ReplicateIdentityModalProps) {
  const { visible, region, identity, regions, onDismiss } = props;
  const replicate = useReplicateIdentity(region, identity);
  const [chosen, setChosen] = useState<readonly MultiselectProps.Option[]>([]);
  const [progress, setProgress] = useState<RegionProgress[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const resultsRef = useRef<HTMLElement>(null);
  const running = replicate.isPending;
  const done = progress !== null && !running;

  useEffect(() => {
    if (!visible) return;
    setChosen([]);
    setProgress(null);
    setError(undefined);
  }, [visible]);
  // Once every Region has answered, focus moves to the results, so a screen reader reads them.
  useEffect(() => {
    if (done) resultsRef.current?.focus();
  }, [done]);

  const start = () => {
    const targets = chosen.flatMap((o) => regions.filter((r) => r.code === o.value));
    if (targets.length === 0) {
      setError('Choose at least one Region.');
      return;
    }
    setError(undefined);
    setProgress(targets.map((r) => ({ region: r, state: 'waiting' })));
    const update = (code: string, next: (r: RegionInfo) => RegionProgress) =>
      setProgress((rows) => rows?.map((row) => (row.region.code === code ? next(row.region) : row)) ?? null);
    replicate.mutate({
      regions: targets.map((r) => r.code),
      onStart: (code) => update(code, (r) => ({ region: r, state: 'replicating' })),
      onResult: (result) => update(result.region, (r) => ({ region: r, result })),
    });
  };

  const created = progress?.filter((r) => 'result' in r && r.result.outcome === 'created').length ?? 0;

  return (
    <Modal
      visible={visible}
      onDismiss={() => !running && onDismiss()}
      header={done ? 'Replication results' : `Replicate ${identity} to Regions`}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          {done ? (
            <Button variant="primary" onClick={onDismiss}>
              Close
            </Button>
          ) : (
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={onDismiss} disabled={running}>
                Cancel
              </Button>
              <Button variant="primary" onClick={start} loading={running} loadingText="Replicating">
                Replicate
              </Button>
            </SpaceBetween>
          )}
        </Box>
      }
    >
      <SpaceBetween size="m">
        {progress === null ? (
          <>
            <Box variant="p">
              Each Region gets a replica of {identity} that uses this identity&apos;s DKIM key and DNS records
              (Deterministic Easy DKIM): it verifies without new DNS records. MAIL FROM, policies,
              notifications and sending limits are not copied.
            </Box>
            <FormField
              label="Regions"
              description="Regions where this domain is not an identity yet."
              errorText={error}
            >
              <Multiselect
                selectedOptions={chosen}
                onChange={({ detail }) => {
                  setChosen(detail.selectedOptions);
                  setError(undefined);
                }}
                options={regions.map((r) => ({ value: r.code, label: regionLabel(r) }))}
                placeholder="Choose Regions"
                filteringType="auto"
                empty="Every Region already has this domain"
                ariaLabel="Regions"
              />
            </FormField>
          </>
        ) : (
          <section ref={resultsRef} tabIndex={-1} aria-label="Replication progress">
            <SpaceBetween size="m">
              {done && (
                <Alert type={created === progress.length ? 'success' : 'info'}>
                  {created === progress.length
                    ? `Created ${countOf(created, 'replica', 'replicas')}. Each verifies on its own once SES checks the parent's DNS records.`
                    : `Created ${created} of ${countOf(progress.length, 'replica', 'replicas')}; the others say why below.`}
                </Alert>
              )}
              <Table
                variant="embedded"
                ariaLabels={{ tableLabel: 'Replication results' }}
                items={progress}
                trackBy={(row) => row.region.code}
                columnDefinitions={[
                  { id: 'region', header: 'Region', cell: (r) => regionLabel(r.region), isRowHeader: true },
                  { id: 'outcome', header: 'Result', cell: progressCell },
                  {
                    id: 'message',
                    header: 'Reason',
                    cell: (r) => ('result' in r ? (r.result.message ?? '-') : '-'),
                  },
                ]}
              />
            </SpaceBetween>
          </section>
        )}
      </SpaceBetween>
    </Modal>
  );
}
