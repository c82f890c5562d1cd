import { useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { pageTrail } from './page-trail';

/** Cloudscape's mobile layout: at most 688 px wide, where the open navigation covers the page. */
const MOBILE = '(max-width: 688px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia?.(MOBILE);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}
const isMobile = () => window.matchMedia?.(MOBILE).matches ?? false;

/**
 * On a small screen the open side navigation covers the whole page, its h1 included, and a screen
 * reader finds no level-one heading (axe: page-has-heading-one). This h1, in the navigation and only
 * in the mobile layout (where the closed navigation is hidden with the rest of the drawer), names the
 * page the navigation was opened on. Visually hidden: the navigation's own header shows.
 */
export function MobileNavigationHeading() {
  const { pathname } = useLocation();
  const mobile = useSyncExternalStore(subscribe, isMobile, () => false);
  if (!mobile) return null;
  return <h1 className="ses-visually-hidden">{pageTrail(pathname, undefined).at(-1)?.title}</h1>;
}
