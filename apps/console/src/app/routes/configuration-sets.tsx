import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { RegionGate } from '../../components/region-gate';
import { ConfigurationSetsTable } from '../../features/configuration-sets/components/configuration-sets-table';

export default function ConfigurationSetsRoute() {
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Configuration sets group rules (event destinations, tracking) applied to the mail you send."
        >
          Configuration sets
        </Header>
      }
    >
      <RegionGate>{(region) => <ConfigurationSetsTable key={region} region={region} />}</RegionGate>
    </ContentLayout>
  );
}
