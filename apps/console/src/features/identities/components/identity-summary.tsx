import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { IdentityDetail } from '@ses-console/contract';
import { CopyValue } from '../../../components/copy-value';
import { LongText } from '../../../components/text-wrapping';
import { identityTypeLabel } from '../model/identity-status';
import { IdentityStatus } from './identity-status-indicator';
import { StatusHelp } from './status-help';

export function IdentitySummary({ detail, regionName }: { detail: IdentityDetail; regionName?: string }) {
  return (
    <Container
      header={
        <Header variant="h2" info={<StatusHelp detail={detail} />}>
          Summary
        </Header>
      }
    >
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Identity type', value: identityTypeLabel[detail.type] },
          { label: 'Identity status', value: <IdentityStatus status={detail.status} /> },
          {
            label: 'Amazon Resource Name (ARN)',
            value: (
              <Box>
                <LongText>{detail.arn}</LongText> <CopyValue value={detail.arn} label="ARN" />
              </Box>
            ),
          },
          { label: 'AWS Region', value: regionName ? `${regionName} (${detail.region})` : detail.region },
          {
            label: 'Verified for sending',
            value: detail.verifiedForSending ? (
              <StatusIndicator type="success">Yes</StatusIndicator>
            ) : (
              <StatusIndicator type="stopped">No</StatusIndicator>
            ),
          },
        ]}
      />
    </Container>
  );
}
