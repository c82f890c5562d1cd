import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import type { SessionResponse } from '@ses-console/contract';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { ALL_REGIONS, useRegion } from '../../hooks/use-region';
import { breakpoints, useViewportBelow } from '../../hooks/use-viewport';
import { describeError } from '../../lib/api-client';
import { useNotifications } from '../../lib/notifications';
import { signOut, useSession } from '../../lib/session-queries';
import { applyTheme, storedTheme, type Theme } from '../../lib/theme';

const roleNames = { viewer: 'Viewer', operator: 'Operator', admin: 'Admin' } as const;

/** The signed-in user: name, roles, and Sign out when there is something to sign out of. */
function userUtility(
  session: SessionResponse,
  onSignOut: () => void,
): TopNavigationProps.MenuDropdownUtility {
  const roles = session.roles.map((r) => roleNames[r]).join(', ') || 'no role';
  return {
    type: 'menu-dropdown',
    text: session.user.name,
    description: session.user.email ? `${session.user.email} · ${roles}` : roles,
    iconName: 'user-profile',
    // Starts with what the button shows (WCAG 2.5.3: voice users say the visible words).
    ariaLabel: `${session.user.name} (signed in)`,
    title: session.user.name,
    items:
      session.signOut === 'none'
        ? [{ id: 'roles', text: `Roles: ${roles}`, disabled: true }]
        : [
            { id: 'roles', text: `Roles: ${roles}`, disabled: true },
            { id: 'sign-out', text: 'Sign out' },
          ],
    onItemClick: ({ detail }) => {
      if (detail.id === 'sign-out') onSignOut();
    },
  };
}

/** Where a region switch lands: list pages keep their place; an identity page goes back to the list. */
function pathForRegionSwitch(pathname: string, region: string): string {
  if (pathname.startsWith(paths.configurationSets.path)) return paths.configurationSets.href({ region });
  if (pathname.startsWith(paths.mailbox.path)) return paths.mailbox.href({ region });
  if (pathname.startsWith(paths.emulatorAccount.path)) return paths.emulatorAccount.href({ region });
  if (pathname === paths.createIdentity.path) return paths.createIdentity.href({ region });
  return paths.identities.href({ region });
}

export function TopBar() {
  const { region, regions, remember, allRegions: allRegionsInUrl } = useRegion();
  const navigate = useNavigate();
  const location = useLocation();
  // Only the identities list has an All regions view; other pages show their one region.
  const allRegions = allRegionsInUrl && location.pathname === paths.identities.path;
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const mobile = useViewportBelow(breakpoints.xs);
  const current = regions.find((r) => r.code === region);
  const nextTheme: Theme = theme === 'dark' ? 'light' : 'dark';
  const regionText = allRegions
    ? 'All regions'
    : current
      ? mobile
        ? current.code
        : `${current.name} (${current.code})`
      : (region ?? 'Region');
  const session = useSession().data;
  const { notify } = useNotifications();
  const onSignOut = () => {
    if (!session) return;
    signOut(session).catch((error: unknown) =>
      notify({ id: 'sign-out', type: 'error', header: 'Could not sign out', content: describeError(error) }),
    );
  };

  return (
    <TopNavigation
      identity={{
        href: paths.identities.href({ region }),
        title: 'SES identity console',
        onFollow: (event) => {
          event.preventDefault();
          navigate(paths.identities.href({ region }));
        },
      }}
      utilities={[
        {
          type: 'menu-dropdown',
          // Always in the bar (never under "More"), with its text: the Region decides what every page
          // shows. On a phone the code alone keeps it on one line.
          disableUtilityCollapse: true,
          disableTextCollapse: true,
          text: regionText,
          ariaLabel: `${regionText}, Region`,
          title: 'Select a Region',
          iconName: 'globe',
          items: [
            {
              id: ALL_REGIONS,
              text: 'All regions',
              secondaryText: 'Identities of every Region',
              checked: allRegions,
              itemType: 'checkbox' as const,
            },
            ...regions.map((r) => ({
              id: r.code,
              text: r.name,
              secondaryText: r.code,
              checked: !allRegions && r.code === region,
              itemType: 'checkbox' as const,
            })),
          ],
          onItemClick: ({ detail }) => {
            if (detail.id === ALL_REGIONS) {
              navigate(paths.identities.href({ region: ALL_REGIONS }));
              return;
            }
            remember(detail.id);
            navigate(pathForRegionSwitch(location.pathname, detail.id));
          },
        },
        {
          type: 'button',
          iconName: theme === 'dark' ? 'star-filled' : 'star',
          text: nextTheme === 'dark' ? 'Dark mode' : 'Light mode',
          ariaLabel: nextTheme === 'dark' ? 'Dark mode' : 'Light mode',
          onClick: () => {
            applyTheme(nextTheme);
            setTheme(nextTheme);
          },
        },
        ...(session ? [userUtility(session, onSignOut)] : []),
      ]}
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
    />
  );
}
