import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useRegion } from '../../hooks/use-region';

/**
 * A `?region=` this console does not offer (a typo, a Region removed from `REGIONS`, a link from
 * another installation) is said plainly instead of quietly showing another Region's data under the
 * wrong URL. The URL stays as it is until the user picks a Region.
 */
export function RegionCheck({ children }: { children: ReactNode }) {
  const { unavailableRegion, region, regions } = useRegion();
  const location = useLocation();
  const navigate = useNavigate();
  if (!unavailableRegion) return children;
  const fallback = regions.find((r) => r.code === region);
  const withRegion = (code: string) => {
    const search = new URLSearchParams(location.search);
    search.set('region', code);
    return `${location.pathname}?${search}`;
  };
  return (
    <ContentLayout header={<Header variant="h1">Region not available</Header>}>
      <Alert
        type="error"
        header={`Region ${unavailableRegion} is not available in this console`}
        action={
          fallback && (
            <Button onClick={() => navigate(withRegion(fallback.code), { replace: true })}>
              Go to {fallback.name}
            </Button>
          )
        }
      >
        <Box variant="p">
          It is not one of the {regions.length} Regions this console offers. Choose one in the Region selector
          {fallback ? `, or go to ${fallback.name} (${fallback.code})` : ''}.
        </Box>
      </Alert>
    </ContentLayout>
  );
}
