import AppLayout, { type AppLayoutProps } from '@cloudscape-design/components/app-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import { useEffect } from 'react';
import { matchPath, Outlet, useLocation, useSearchParams } from 'react-router';
import { ACCOUNT_PARAM, paths } from '../../config/paths';
import { useAccount } from '../../hooks/use-account';
import { useRegion } from '../../hooks/use-region';
import { useNotifications, useNotificationsFollowPage } from '../../lib/notifications';
import { AccountCheck } from './account-check';
import { Breadcrumbs } from './breadcrumbs';
import { MobileNavigationHeading } from './mobile-navigation-heading';
import { Navigation } from './navigation';
import { RegionCheck } from './region-check';
import { SessionGate } from './session-gate';
import { MainContent, SkipLink } from './skip-link';
import { TopBar } from './top-bar';
import { usePageTitle } from './use-page-title';
import './shell.css';

function contentTypeFor(pathname: string): AppLayoutProps.ContentType {
  if (matchPath(paths.createIdentity.path, pathname) || matchPath(paths.sendTestEmail.path, pathname)) {
    return 'form';
  }
  if (
    pathname === paths.identities.path ||
    pathname.startsWith(paths.configurationSets.path) ||
    pathname.startsWith(paths.activity.path)
  ) {
    return 'table';
  }
  return 'default';
}

/** Keeps the Region visible in the URL (so links can be shared) and remembered for the next visit. */
function useRegionInUrl() {
  const { region, remember, allRegions, unavailableRegion } = useRegion();
  const [searchParams, setSearchParams] = useSearchParams();
  const inUrl = searchParams.get('region');
  const { pathname } = useLocation();
  useEffect(() => {
    // `/` redirects to the list in the same commit; writing the query there would undo that redirect.
    if (!region || pathname === paths.home.path) return;
    // A Region this console does not offer: the page says so, and the URL keeps what was asked for.
    if (unavailableRegion) return;
    // `?region=all` stays on the identities list, its one page; elsewhere it becomes a real region.
    if (allRegions && pathname === paths.identities.path) return;
    remember(region);
    if (inUrl !== region) {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('region', region);
          return next;
        },
        { replace: true },
      );
    }
  }, [region, inUrl, pathname, remember, setSearchParams, allRegions, unavailableRegion]);
}

/**
 * With ACCOUNTS, keeps the account in the URL as the Region is (a link without one gets the last
 * account chosen) and remembers it; `?account=all` stays on the identities list, its one page.
 */
function useAccountInUrl() {
  const { account, remember, allAccounts, unavailableAccount } = useAccount();
  const [searchParams, setSearchParams] = useSearchParams();
  const inUrl = searchParams.get(ACCOUNT_PARAM);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!account || pathname === paths.home.path || unavailableAccount) return;
    if (allAccounts && pathname === paths.identities.path) return;
    remember(account);
    if (inUrl !== account) {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(ACCOUNT_PARAM, account);
          return next;
        },
        { replace: true },
      );
    }
  }, [account, inUrl, pathname, remember, setSearchParams, allAccounts, unavailableAccount]);
}

export function AppShell() {
  const { items } = useNotifications();
  const location = useLocation();
  useRegionInUrl();
  useAccountInUrl();
  usePageTitle();
  useNotificationsFollowPage(location.pathname);
  return (
    <>
      <SkipLink />
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopBar />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={
          <>
            <MobileNavigationHeading />
            <Navigation />
          </>
        }
        breadcrumbs={<Breadcrumbs />}
        notifications={<Flashbar items={items} stackItems={items.length > 3} />}
        contentType={contentTypeFor(location.pathname)}
        toolsHide
        content={
          <MainContent>
            <SessionGate>
              <AccountCheck>
                <RegionCheck>
                  <Outlet />
                </RegionCheck>
              </AccountCheck>
            </SessionGate>
          </MainContent>
        }
        ariaLabels={{
          navigation: 'Side navigation',
          navigationToggle: 'Open side navigation',
          navigationClose: 'Close side navigation',
          notifications: 'Notifications',
        }}
      />
    </>
  );
}
