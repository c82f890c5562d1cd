import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs, { type TabsProps } from '@cloudscape-design/components/tabs';
import { apiPaths, type DeleteResult, type IdentityDetail } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type IdentityTab, paths } from '../../../config/paths';
import { ApiError, describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { identityQueryOptions } from '../api/identity-queries';
import { outcomeOfFailedRequest, useDeleteIdentities } from '../api/use-delete-identities';
import { AuthorizationTab } from './authorization-tab';
import { ConfigurationSetTab } from './configuration-set-tab';
import { DeleteIdentitiesModal, type DeletePhase } from './delete-identities-modal';
import { DkimContainer } from './dkim-container';
import { DnsDiagnosticsContainer } from './dns-diagnostics-container';
import { IdentitySummary } from './identity-summary';
import { MailFromContainer } from './mail-from-container';
import { NotificationsTab } from './notifications-tab';
import { TagsTab } from './tags-tab';

interface IdentityDetailsProps {
  region: string;
  regionName?: string;
  identity: string;
  tab: string | null;
  onTabChange(tab: IdentityTab): void;
  configurationSets: string[];
  configurationSetsLoading: boolean;
}

function tabsFor(detail: IdentityDetail, props: IdentityDetailsProps): TabsProps.Tab[] {
  const tabs: TabsProps.Tab[] = [];
  if (detail.authentication.available) {
    tabs.push({
      id: 'authentication',
      label: 'Authentication',
      content: (
        <SpaceBetween size="l">
          <DkimContainer detail={detail} />
          {detail.type === 'DOMAIN' && <MailFromContainer detail={detail} />}
          {detail.type === 'DOMAIN' && <DnsDiagnosticsContainer detail={detail} />}
        </SpaceBetween>
      ),
    });
  }
  tabs.push(
    { id: 'authorization', label: 'Authorization', content: <AuthorizationTab detail={detail} /> },
    {
      id: 'configuration-set',
      label: 'Configuration set',
      content: (
        <ConfigurationSetTab
          detail={detail}
          configurationSets={props.configurationSets}
          configurationSetsLoading={props.configurationSetsLoading}
        />
      ),
    },
    { id: 'notifications', label: 'Notifications', content: <NotificationsTab detail={detail} /> },
    { id: 'tags', label: 'Tags', content: <TagsTab detail={detail} /> },
  );
  return tabs;
}

export function IdentityDetails(props: IdentityDetailsProps) {
  const { region, identity } = props;
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const query = useQuery(identityQueryOptions(region, identity));
  const canDelete = useCan('delete', apiPaths.identity);
  const canSend = useCan('post', apiPaths.sendTestEmail);
  const remove = useDeleteIdentities(region);
  const [deleting, setDeleting] = useState(false);
  const [phase, setPhase] = useState<DeletePhase>('confirm');
  const [results, setResults] = useState<DeleteResult[]>([]);

  if (query.isPending) return <Spinner size="large" />;
  if (query.error) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <ContentLayout header={<Header variant="h1">{identity}</Header>}>
        <Alert
          type="error"
          header={notFound ? 'Identity not found' : 'The identity could not be loaded'}
          action={
            notFound ? (
              <Button onClick={() => navigate(paths.identities.href({ region }))}>Back to identities</Button>
            ) : (
              <Button onClick={() => query.refetch()}>Retry</Button>
            )
          }
        >
          {notFound ? `There is no identity ${identity} in ${region}.` : describeError(query.error)}
        </Alert>
      </ContentLayout>
    );
  }
  const detail = query.data;
  const tabs = tabsFor(detail, props);
  const active = tabs.find((t) => t.id === props.tab)?.id ?? tabs[0]?.id;
  const parent = detail.authentication.parentDomain ?? detail.name.split('@')[1];

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {canDelete && (
                <Button
                  onClick={() => {
                    setPhase('confirm');
                    setDeleting(true);
                  }}
                >
                  Delete
                </Button>
              )}
              {canSend && detail.verifiedForSending && detail.status === 'SUCCESS' && (
                <Button onClick={() => navigate(paths.sendTestEmail.href(detail.name, { region }))}>
                  Send test email
                </Button>
              )}
            </SpaceBetween>
          }
        >
          {detail.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <IdentitySummary detail={detail} regionName={props.regionName} />
        {!detail.authentication.available && detail.type === 'EMAIL_ADDRESS' && (
          <Alert type="info">
            DKIM and MAIL FROM settings of an email address come from its domain. They appear here once{' '}
            {parent} is a verified domain identity in this Region.
          </Alert>
        )}
        <Tabs
          tabs={tabs}
          activeTabId={active}
          onChange={({ detail: d }) => props.onTabChange(d.activeTabId as IdentityTab)}
          ariaLabel="Identity settings"
        />
      </SpaceBetween>
      {deleting && (
        <DeleteIdentitiesModal
          visible
          identities={[detail.name]}
          phase={phase}
          results={results}
          error={remove.error ? describeError(remove.error) : undefined}
          onDismiss={() => setDeleting(false)}
          onConfirm={() => {
            setPhase('deleting');
            remove.mutate([detail.name], {
              onSuccess: (response) => {
                // Not deleted, or not confirmed: the results say which and why.
                const left = response.results.find((r) => r.outcome === 'failed' || r.outcome === 'unknown');
                if (left) {
                  setResults(response.results);
                  setPhase('done');
                  return;
                }
                notify({
                  id: 'delete-identities',
                  type: 'success',
                  content: `Successfully deleted ${detail.name}.`,
                });
                navigate(paths.identities.href({ region }));
              },
              onError: (error) => {
                // No answer (timeout, 5xx): the delete may have run, so it is not confirmed, not failed.
                if (outcomeOfFailedRequest(error) === 'failed') {
                  setPhase('confirm');
                  return;
                }
                setResults([{ identity: detail.name, outcome: 'unknown', message: describeError(error) }]);
                setPhase('done');
              },
            });
          }}
        />
      )}
    </ContentLayout>
  );
}
