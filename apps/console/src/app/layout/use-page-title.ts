import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useRegion } from '../../hooks/use-region';
import { pageTitleOf, pageTrail } from './page-trail';

/**
 * Names the browser tab (and the history entry, and what a screen reader announces on arrival) after
 * the page on screen: `support@example.com | Verified identities | Amazon SES`.
 */
export function usePageTitle(): void {
  const { pathname } = useLocation();
  const { unavailableRegion } = useRegion();
  // The region is in no title: the trail only needs it for hrefs. A Region this console does not
  // offer replaces the page (region-check.tsx), and the title says what is on screen.
  const title = unavailableRegion
    ? 'Region not available | Amazon SES'
    : pageTitleOf(pageTrail(pathname, undefined));
  useEffect(() => {
    document.title = title;
  }, [title]);
}
