import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useRegion } from '../../hooks/use-region';

function crumbsFor(pathname: string, region: string | undefined): BreadcrumbGroupProps.Item[] {
  const base = [{ text: 'Amazon SES', href: paths.identities.href({ region }) }];
  if (pathname.startsWith(paths.identities.path)) {
    const list = [
      ...base,
      { text: 'Configuration: Verified identities', href: paths.identities.href({ region }) },
    ];
    if (matchPath(paths.createIdentity.path, pathname)) {
      return [...list, { text: 'Create identity', href: paths.createIdentity.href({ region }) }];
    }
    const send = matchPath(paths.sendTestEmail.path, pathname);
    if (send?.params.identity) {
      const name = send.params.identity;
      return [
        ...list,
        { text: name, href: paths.identity.href(name, { region }) },
        { text: 'Send test email', href: paths.sendTestEmail.href(name, { region }) },
      ];
    }
    const detail = matchPath(paths.identity.path, pathname);
    if (detail?.params.identity) {
      return [
        ...list,
        { text: detail.params.identity, href: paths.identity.href(detail.params.identity, { region }) },
      ];
    }
    return list;
  }
  if (pathname.startsWith(paths.configurationSets.path)) {
    return [
      ...base,
      { text: 'Configuration: Configuration sets', href: paths.configurationSets.href({ region }) },
    ];
  }
  if (pathname.startsWith(paths.activity.path)) {
    return [...base, { text: 'Administration: Activity', href: paths.activity.href({ region }) }];
  }
  if (pathname.startsWith(paths.mailbox.path)) {
    return [...base, { text: 'Emulator: Mailbox', href: paths.mailbox.href({ region }) }];
  }
  return base;
}

export function Breadcrumbs() {
  const location = useLocation();
  const navigate = useNavigate();
  const { region } = useRegion();
  return (
    <BreadcrumbGroup
      items={crumbsFor(location.pathname, region)}
      ariaLabel="Breadcrumbs"
      onFollow={(event) => {
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
