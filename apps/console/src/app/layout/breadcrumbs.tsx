import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../config/paths';

function crumbsFor(pathname: string): BreadcrumbGroupProps.Item[] {
  const base = [{ text: 'Amazon SES', href: paths.home.href() }];
  if (pathname.startsWith(paths.identities.path)) {
    return [...base, { text: 'Configuration: Verified identities', href: paths.identities.href() }];
  }
  if (pathname.startsWith(paths.configurationSets.path)) {
    return [...base, { text: 'Configuration: Configuration sets', href: paths.configurationSets.href() }];
  }
  return base;
}

export function Breadcrumbs() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <BreadcrumbGroup
      items={crumbsFor(location.pathname)}
      ariaLabel="Breadcrumbs"
      onFollow={(event) => {
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
