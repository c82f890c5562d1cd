import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { rolesInAccount, type SessionResponse } from '@ses-console/contract';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { ALL_ACCOUNTS, useAccount } from '../../hooks/use-account';
import { ALL_REGIONS, useRegion } from '../../hooks/use-region';
import { breakpoints, useViewportBelow } from '../../hooks/use-viewport';
import { describeError } from '../../lib/api-client';
import { useNotifications } from '../../lib/notifications';
import { signOut, useSession } from '../../lib/session-queries';
import { applyTheme, storedTheme, type Theme } from '../../lib/theme';

const roleNames = { viewer: 'Viewer', operator: 'Operator', admin: 'Admin' } as const;

/**
 * The signed-in user: name, roles (in the selected account, when roles are scoped to accounts), and
 * Sign out when there is something to sign out of.
 */
function userUtility(
  session: SessionResponse,
  account: string | undefined,
  onSignOut: () => void,
): TopNavigationProps.MenuDropdownUtility {
  const roles =
    rolesInAccount(session, account)
      .map((r) => roleNames[r])
      .join(', ') || 'no role';
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

/**
 * Where a Region or account switch lands: list pages keep their place; an identity page goes back to
 * the list (the identity may not exist in the other Region or account).
 */
function pathForSwitch(pathname: string, place: { region: string; account?: string }): string {
  if (pathname.startsWith(paths.configurationSets.path)) return paths.configurationSets.href(place);
  if (pathname.startsWith(paths.mailbox.path)) return paths.mailbox.href(place);
  if (pathname.startsWith(paths.emulatorAccount.path)) return paths.emulatorAccount.href(place);
  if (pathname.startsWith(paths.activity.path)) return paths.activity.href(place);
  if (pathname === paths.createIdentity.path) return paths.createIdentity.href(place);
  return paths.identities.href(place);
}

export function TopBar() {
  const { region, regions, remember, allRegions: allRegionsInUrl } = useRegion();
  const accountState = useAccount();
  const { account, accounts } = accountState;
  const navigate = useNavigate();
  const location = useLocation();
  const onList = location.pathname === paths.identities.path;
  // Only the identities list has the All regions and All accounts views; other pages show one of each.
  const allRegions = allRegionsInUrl && onList;
  const allAccounts = accountState.allAccounts && onList;
  // A Region switch on the All accounts list stays in All accounts.
  const accountForRegionSwitch = allAccounts ? ALL_ACCOUNTS : account;
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
  const currentAccount = accounts.find((a) => a.id === account);
  const accountText = allAccounts
    ? 'All accounts'
    : currentAccount
      ? mobile
        ? currentAccount.name
        : `${currentAccount.name} (${currentAccount.id})`
      : (account ?? 'Account');
  // The account selector (ACCOUNTS only), beside the Region selector: name and id, and All accounts
  // (the identities list's view). Cloudscape's menu dropdown: Enter or Space opens it, arrows move,
  // Enter chooses; its accessible name starts with what it shows.
  const accountSelector: TopNavigationProps.MenuDropdownUtility[] =
    accounts.length === 0
      ? []
      : [
          {
            type: 'menu-dropdown',
            // Always in the bar beside the Region; on a phone, where both do not fit with their words,
            // the account's shrinks to its icon (its accessible name still says which account).
            disableUtilityCollapse: true,
            disableTextCollapse: !mobile,
            text: accountText,
            ariaLabel: `${accountText}, Account`,
            title: 'Select an account',
            iconName: 'group',
            items: [
              {
                id: ALL_ACCOUNTS,
                text: 'All accounts',
                secondaryText: 'Identities of every account',
                checked: allAccounts,
                itemType: 'checkbox' as const,
              },
              ...accounts.map((a) => ({
                id: a.id,
                text: a.name,
                secondaryText: a.id,
                checked: !allAccounts && a.id === account,
                itemType: 'checkbox' as const,
              })),
            ],
            onItemClick: ({ detail }) => {
              const regionHere = allRegions ? ALL_REGIONS : region;
              if (detail.id === ALL_ACCOUNTS) {
                navigate(paths.identities.href({ region: regionHere, account: ALL_ACCOUNTS }));
                return;
              }
              accountState.remember(detail.id);
              // An account that does not offer the Region shown opens in its first Region.
              const offered = accounts.find((a) => a.id === detail.id)?.regions ?? [];
              const inAccount = (code: string | undefined) =>
                code && (offered.length === 0 || offered.includes(code)) ? code : offered[0];
              const next = regionHere === ALL_REGIONS ? ALL_REGIONS : inAccount(regionHere);
              if (onList) {
                navigate(paths.identities.href({ region: next, account: detail.id }));
                return;
              }
              const one = inAccount(region);
              if (one) navigate(pathForSwitch(location.pathname, { region: one, account: detail.id }));
            },
          },
        ];
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
        ...accountSelector,
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
              navigate(paths.identities.href({ region: ALL_REGIONS, account: accountForRegionSwitch }));
              return;
            }
            remember(detail.id);
            navigate(
              pathForSwitch(location.pathname, { region: detail.id, account: accountForRegionSwitch }),
            );
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
        ...(session ? [userUtility(session, account, onSignOut)] : []),
      ]}
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
    />
  );
}
