import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import Popover from '@cloudscape-design/components/popover';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { IdentityDetail } from '@ses-console/contract';
import { statusDisplay } from '../model/identity-status';
import { explainStatus, STATUS_DEFINITIONS } from '../model/status-help';

/** The Summary's Info link: what this identity's status means, what to do, and every status defined. */
export function StatusHelp({ detail }: { detail: IdentityDetail }) {
  const explanation = explainStatus(detail);
  const isAddress = detail.type === 'EMAIL_ADDRESS';
  return (
    <Popover
      triggerType="custom"
      size="large"
      position="bottom"
      header={`Identity status: ${explanation.label}`}
      content={
        <SpaceBetween size="s">
          <Box>{explanation.definition}</Box>
          {explanation.nextStep && (
            <Box>
              <Box variant="strong">Next step: </Box>
              {explanation.nextStep.text}
            </Box>
          )}
          <Box variant="h4">Every status {isAddress ? 'of an email address' : 'of a domain'}</Box>
          <dl style={{ margin: 0 }}>
            {STATUS_DEFINITIONS.map((d) => (
              <div key={d.status}>
                <dt style={{ fontWeight: 'bold' }}>{statusDisplay[d.status].label}</dt>
                <dd style={{ marginInlineStart: 0, marginBlockEnd: 8 }}>
                  {isAddress ? d.emailAddress : d.domain}
                </dd>
              </div>
            ))}
          </dl>
        </SpaceBetween>
      }
    >
      <Link variant="info" ariaLabel="Info about the identity status">
        Info
      </Link>
    </Popover>
  );
}
