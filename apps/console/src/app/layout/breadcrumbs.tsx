import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import { useLocation, useNavigate } from 'react-router';
import { useRegion } from '../../hooks/use-region';
import { pageTrail } from './page-trail';

export function Breadcrumbs() {
  const location = useLocation();
  const navigate = useNavigate();
  const { region } = useRegion();
  return (
    <BreadcrumbGroup
      items={pageTrail(location.pathname, region)}
      ariaLabel="Breadcrumbs"
      onFollow={(event) => {
        event.preventDefault();
        navigate(event.detail.href);
      }}
    />
  );
}
