import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { useAccount } from '../../hooks/use-account';
import { useRegion } from '../../hooks/use-region';
import { pageTitleOf, pageTrail, type TrailAccount } from './page-trail';

/** The account the page on screen acts in, for its trail (undefined without ACCOUNTS). */
export function usePageAccount(pathname: string): TrailAccount | undefined {
  const { accounts, accountInfo, allAccounts } = useAccount();
  if (accounts.length === 0) return undefined;
  if (allAccounts && pathname === paths.identities.path) return 'all';
  return accountInfo && { id: accountInfo.id, name: accountInfo.name };
}

/**
 * Names the browser tab (and the history entry, and what a screen reader announces on arrival) after
 * the page on screen: `support@example.com | Verified identities | Amazon SES`.
 */
export function usePageTitle(): void {
  const { pathname } = useLocation();
  const { unavailableRegion } = useRegion();
  const { unavailableAccount } = useAccount();
  const account = usePageAccount(pathname);
  // The region is in no title: the trail only needs it for hrefs. A Region this console does not
  // offer replaces the page (region-check.tsx), and the title says what is on screen.
  const title = unavailableAccount
    ? 'Account not available | Amazon SES'
    : unavailableRegion
      ? 'Region not available | Amazon SES'
      : pageTitleOf(pageTrail(pathname, undefined, account));
  useEffect(() => {
    document.title = title;
  }, [title]);
}
