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
  const linkHrefs = [paths.identities.href(), paths.configurationSets.href()];
  const activeHref = linkHrefs.find((href) => location.pathname.startsWith(href)) ?? location.pathname;
  return (
    <SideNavigation
      header={{ text: 'Amazon SES', href: paths.home.href() }}
      items={items}
      activeHref={activeHref}
      onFollow={(event) => {
        if (event.detail.external) return;
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
