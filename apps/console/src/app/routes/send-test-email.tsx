import Alert from '@cloudscape-design/components/alert';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { RegionGate } from '../../components/region-gate';
import { paths } from '../../config/paths';
import { configurationSetsQueryOptions } from '../../features/configuration-sets/api/configuration-set-queries';
import { identityQueryOptions } from '../../features/identities/api/identity-queries';
import { useSendTestEmail } from '../../features/identities/api/use-send-test-email';
import { SendTestEmailForm } from '../../features/identities/components/send-test-email-form';
import { describeError } from '../../lib/api-client';
import { useNotifications } from '../../lib/notifications';

function SendTestEmailPage({ region, identity }: { region: string; identity: string }) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const detail = useQuery(identityQueryOptions(region, identity));
  const sets = useQuery(configurationSetsQueryOptions(region));
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
      detail={detail.data}
      configurationSets={sets.data ?? []}
      sending={send.isPending}
      onCancel={() => navigate(paths.identity.href(identity, { region }))}
      onSend={async (request) => {
        const result = await send.mutateAsync(request);
        notify({
          id: `send-test-email-${identity}`,
          type: 'success',
          header: 'Test email sent',
          content: `Message ID ${result.messageId} to ${result.to}.`,
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
