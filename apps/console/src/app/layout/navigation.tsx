import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';

const items: SideNavigationProps.Item[] = [
  {
    type: 'section-group',
    title: 'Configuration',
    items: [
      { type: 'link', text: 'Verified identities', href: paths.identities.href() },
      { type: 'link', text: 'Configuration sets', href: paths.configurationSets.href() },
    ],
  },
];

export function Navigation() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = items
    .flatMap((i) => (i.type === 'section-group' ? i.items : [i]))
    .find((i) => i.type === 'link' && location.pathname.startsWith(i.href));
  return (
    <SideNavigation
      header={{ text: 'Amazon SES', href: paths.home.href() }}
      items={items}
      activeHref={active && active.type === 'link' ? active.href : location.pathname}
      onFollow={(event) => {
        if (event.detail.external) return;
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
