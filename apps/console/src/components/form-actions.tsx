import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

/**
 * A form's Cancel and submit buttons: Cancel never submits; the primary button submits the form
 * and shows progress while the request runs.
 */
export function FormActions({
  submitLabel,
  loadingText,
  submitting,
  onCancel,
  cancelDisabled = false,
}: {
  submitLabel: string;
  loadingText?: string;
  submitting: boolean;
  onCancel(): void;
  cancelDisabled?: boolean;
}) {
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button formAction="none" variant="link" onClick={onCancel} disabled={cancelDisabled}>
        Cancel
      </Button>
      <Button variant="primary" loading={submitting} loadingText={loadingText}>
        {submitLabel}
      </Button>
    </SpaceBetween>
  );
}
