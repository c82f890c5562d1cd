import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { CopyValue } from '../../components/copy-value';
import { RegionGate } from '../../components/region-gate';
import { RouterLink } from '../../components/router-link';
import { paths } from '../../config/paths';
import { accountQueryOptions } from '../../features/account/api/account-queries';
import { SandboxNotice } from '../../features/account/components/sandbox-notice';
import { configurationSetsQueryOptions } from '../../features/configuration-sets/api/configuration-set-queries';
import { identityQueryOptions } from '../../features/identities/api/identity-queries';
import { useSendTestEmail } from '../../features/identities/api/use-send-test-email';
import { SendTestEmailForm } from '../../features/identities/components/send-test-email-form';
import { useAccount } from '../../hooks/use-account';
import { useRegion } from '../../hooks/use-region';
import { describeError } from '../../lib/api-client';
import { useNotifications } from '../../lib/notifications';

function SendTestEmailPage({ region, identity }: { region: string; identity: string }) {
  const navigate = useNavigate();
  const { notify, dismiss } = useNotifications();
  const flashId = `send-test-email-${identity}`;
  const { account: accountId } = useAccount();
  const detail = useQuery(identityQueryOptions(accountId, region, identity));
  const sets = useQuery(configurationSetsQueryOptions(accountId, region));
  const account = useQuery(accountQueryOptions(accountId, region));
  const { backend } = useRegion();
  const send = useSendTestEmail(region);
  if (detail.isPending) return <Spinner size="large" />;
  if (detail.error) {
    return (
      <Alert type="error" header="The identity could not be loaded">
        {describeError(detail.error)}
      </Alert>
    );
  }
  return (
    <SendTestEmailForm
      notice={<SandboxNotice account={account.data} region={region} emulator={backend === 'emulator'} />}
      sandboxed={account.data?.productionAccessEnabled === false}
      region={region}
      detail={detail.data}
      configurationSets={sets.data ?? []}
      sending={send.isPending}
      onCancel={() => navigate(paths.identity.href(identity, { region }))}
      onSend={async (request) => {
        // One place for the outcome: the Flashbar says a send succeeded, the form's alert that it
        // failed; a new send takes the last success away, so it never sits beside a later error.
        dismiss(flashId);
        const result = await send.mutateAsync(request);
        notify({
          id: flashId,
          type: 'success',
          header: 'Test email sent',
          content: (
            <>
              Message ID <Box variant="code">{result.messageId}</Box>{' '}
              <CopyValue value={result.messageId} label="Message ID" /> to {result.to}.
              {backend === 'emulator' && (
                <>
                  {' '}
                  <RouterLink href={paths.snsTopics.href({ region, messageId: result.messageId })}>
                    Notifications about this message
                  </RouterLink>
                </>
              )}
            </>
          ),
        });
        return result;
      }}
    />
  );
}

export default function SendTestEmailRoute() {
  const { identity = '' } = useParams();
  return (
    <RegionGate>
      {(region) => <SendTestEmailPage key={`${region}/${identity}`} region={region} identity={identity} />}
    </RegionGate>
  );
}
