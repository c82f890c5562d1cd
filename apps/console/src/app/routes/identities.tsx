import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';

export function IdentitiesRoute() {
  return <ContentLayout header={<Header variant="h1">Verified identities</Header>} />;
}
