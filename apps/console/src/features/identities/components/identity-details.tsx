import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs, { type TabsProps } from '@cloudscape-design/components/tabs';
import { apiPaths, type IdentityDetail } from '@ses-console/contract';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { StaleDataAlert } from '../../../components/stale-data-alert';
import { type IdentityTab, paths } from '../../../config/paths';
import { useAccount } from '../../../hooks/use-account';
import { ApiError, describeError } from '../../../lib/api-client';
import { useCan } from '../../../lib/session-queries';
import { identityQueryOptions } from '../api/identity-queries';
import { useDeleteIdentitiesFlow } from '../hooks/use-delete-identities-flow';
import { identityRowLabel } from '../model/identity-rows';
import { AuthorizationTab } from './authorization-tab';
import { ConfigurationSetTab } from './configuration-set-tab';
import { DeleteIdentitiesModal } from './delete-identities-modal';
import { DkimContainer } from './dkim-container';
import { DnsDiagnosticsContainer } from './dns-diagnostics-container';
import { GlobalIdentityContainer } from './global-identity-container';
import { breakAnywhere } from './identity-name';
import { IdentityStatusAlert } from './identity-status-alert';
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
          {detail.type === 'DOMAIN' && detail.dkim.origin === 'AWS_SES' && (
            <GlobalIdentityContainer detail={detail} />
          )}
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
  const { account, accounts, accountLabel } = useAccount();
  // With ACCOUNTS the dialog and the messages name the account: "Deleted x in staging (222222222222)".
  const accountName = accounts.length > 0 ? accountLabel : undefined;
  const where = account && accountName ? `${region} of ${accountName(account)}` : region;
  const query = useQuery(identityQueryOptions(account, region, identity));
  const canSend = useCan('post', apiPaths.sendTestEmail);
  // The same flow as the table's (and the same route, so the same permission and audit action);
  // once the identity is gone the page goes back to the list.
  const deletion = useDeleteIdentitiesFlow({
    labelOf: (row) => identityRowLabel(row, false, accountName),
    onAllDeleted: () => navigate(paths.identities.href({ region })),
  });

  if (query.isPending) return <Spinner size="large" />;
  // A failed refresh keeps the identity on screen (under a warning); only a failed first load is an error.
  if (query.isError && query.data === undefined) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <ContentLayout
        header={
          <Header variant="h1">
            <span style={breakAnywhere}>{identity}</span>
          </Header>
        }
      >
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
          {notFound ? `There is no identity ${identity} in ${where}.` : describeError(query.error)}
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
              {deletion.allowed && (
                <Button onClick={() => deletion.open([{ region, name: detail.name, account }])}>
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
          <span style={breakAnywhere}>{detail.name}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        {query.isError && <StaleDataAlert query={query} what="The identity" />}
        <IdentitySummary detail={detail} regionName={props.regionName} />
        <IdentityStatusAlert detail={detail} />
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
      {deletion.modal && <DeleteIdentitiesModal {...deletion.modal} />}
    </ContentLayout>
  );
}
