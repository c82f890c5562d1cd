import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { CopyValue } from '../../components/copy-value';
import { describeFailure } from './describe-failure';

/**
 * An error in place of a page, as the Cloudscape error boundary shows it: what failed and why, the
 * request id when the server gave one, Retry when running the page again can help, and Reload.
 */
export function ErrorPanel({
  error,
  onRetry,
  onReload,
}: {
  error: unknown;
  onRetry?: () => void;
  onReload(): void;
}) {
  const failure = describeFailure(error);
  return (
    <ContentLayout header={<Header variant="h1">{failure.title}</Header>}>
      <Alert
        type="error"
        header={failure.header}
        action={
          <SpaceBetween direction="horizontal" size="xs">
            {failure.canRetry && onRetry && <Button onClick={onRetry}>Retry</Button>}
            <Button onClick={onReload}>Reload</Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="xs">
          <Box variant="p">{failure.description}</Box>
          {failure.requestId && (
            <Box variant="small">
              Request ID: {failure.requestId} <CopyValue value={failure.requestId} label="Request ID" />
            </Box>
          )}
        </SpaceBetween>
      </Alert>
    </ContentLayout>
  );
}
