import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { EmulatorAccountPanel } from '../../features/account/components/emulator-account-panel';
import { useRegion } from '../../hooks/use-region';

export default function EmulatorAccountRoute() {
  const { backend, region } = useRegion();
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="New accounts start in the SES sandbox: recipients must be verified or mailbox simulator addresses."
        >
          Account
        </Header>
      }
    >
      {backend === 'aws' ? (
        <Alert type="info">
          Production access is granted by AWS; this page exists only with the built-in emulator.
        </Alert>
      ) : (
        region && <EmulatorAccountPanel key={region} region={region} />
      )}
    </ContentLayout>
  );
}
