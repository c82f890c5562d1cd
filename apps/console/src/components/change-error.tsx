import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ApiError, describeError } from '../lib/api-client';

/**
 * A failed change's error for a form: the server's words, and when the change was applied in part,
 * what was applied and what was not, so the user knows where the identity stands.
 */
export function ChangeError({ error }: { error: unknown }) {
  const message = describeError(error);
  if (!(error instanceof ApiError) || !error.partlyApplied) return <>{message}</>;
  return (
    <SpaceBetween size="xs">
      <span>{message}</span>
      <div>
        <Box variant="strong">Applied</Box>
        <ul aria-label="Applied">
          {error.applied.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      {error.notApplied.length > 0 && (
        <div>
          <Box variant="strong">Not applied</Box>
          <ul aria-label="Not applied">
            {error.notApplied.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </SpaceBetween>
  );
}
