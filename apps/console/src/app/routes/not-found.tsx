import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';

export function NotFoundRoute() {
  return (
    <Box padding="l">
      <Header variant="h1">Page not found</Header>
    </Box>
  );
}
