import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useRegion } from '../../hooks/use-region';

export function Navigation() {
  const location = useLocation();
  const navigate = useNavigate();
  const { region, backend } = useRegion();
  const links: SideNavigationProps.Link[] = [
    { type: 'link', text: 'Verified identities', href: paths.identities.href({ region }) },
    { type: 'link', text: 'Configuration sets', href: paths.configurationSets.href({ region }) },
  ];
  const activity: SideNavigationProps.Link = {
    type: 'link',
    text: 'Activity',
    href: paths.activity.href({ region }),
  };
  const items: SideNavigationProps.Item[] = [
    { type: 'section-group', title: 'Configuration', items: links },
    { type: 'divider' },
    { type: 'section-group', title: 'Administration', items: [activity] },
  ];
  if (backend === 'emulator') {
    items.push({ type: 'divider' });
    items.push({
      type: 'section-group',
      title: 'Emulator',
      items: [
        { type: 'link', text: 'Mailbox', href: paths.mailbox.href({ region }) },
        { type: 'link', text: 'SNS topics', href: paths.snsTopics.href({ region }) },
        { type: 'link', text: 'Account', href: paths.emulatorAccount.href({ region }) },
      ],
    });
  }
  const sections = [
    paths.identities.path,
    paths.configurationSets.path,
    paths.activity.path,
    paths.mailbox.path,
    paths.snsTopics.path,
    paths.emulatorAccount.path,
  ];
  const section = sections.find((p) => location.pathname.startsWith(p));
  const emulatorLinks = [
    { href: paths.mailbox.href({ region }) },
    { href: paths.snsTopics.href({ region }) },
    { href: paths.emulatorAccount.href({ region }) },
  ];
  const active = [...links, activity, ...emulatorLinks].find((l) => section && l.href.startsWith(section));
  return (
    <SideNavigation
      header={{ text: 'Amazon SES', href: paths.identities.href({ region }) }}
      items={items}
      activeHref={active?.href ?? location.pathname}
      onFollow={(event) => {
        if (event.detail.external) return;
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
