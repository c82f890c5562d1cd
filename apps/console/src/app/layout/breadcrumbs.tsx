import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import { useLocation, useNavigate } from 'react-router';
import { useRegion } from '../../hooks/use-region';
import { pageTrail } from './page-trail';
import { usePageAccount } from './use-page-title';

export function Breadcrumbs() {
  const location = useLocation();
  const navigate = useNavigate();
  const { region } = useRegion();
  const account = usePageAccount(location.pathname);
  return (
    <BreadcrumbGroup
      items={pageTrail(location.pathname, region, account)}
      ariaLabel="Breadcrumbs"
      onFollow={(event) => {
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
