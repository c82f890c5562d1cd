import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ApiError, describeError } from '../../lib/api-client';
import { signInHref, useSession } from '../../lib/session-queries';

/**
 * Pages need a signed-in user: without a session (401) this offers "Sign in"; a refused session
 * (e.g. identity headers from an address that is not a trusted proxy) shows why.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isError) {
    const signedOut = session.error instanceof ApiError && session.error.status === 401;
    return (
      <Box padding={{ top: 'xxxl' }}>
        <Container header={<Header variant="h1">{signedOut ? 'Sign in' : 'Access refused'}</Header>}>
          <SpaceBetween size="m">
            {signedOut ? (
              <Box>You are not signed in, or your session expired.</Box>
            ) : (
              <Alert type="error">{describeError(session.error)}</Alert>
            )}
            {signedOut && (
              <Button variant="primary" href={signInHref(`${location.pathname}${location.search}`)}>
                Sign in
              </Button>
            )}
          </SpaceBetween>
        </Container>
      </Box>
    );
  }
  return children;
}
