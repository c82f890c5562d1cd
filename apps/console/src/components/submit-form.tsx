import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { ChangeError } from './change-error';

interface SubmitFormProps {
  header?: ReactNode;
  /** The failed submit, for the form's alert (with what was applied when it was applied in part). */
  failure: unknown;
  submitLabel: string;
  loadingText?: string;
  submitting: boolean;
  onSubmit(): void;
  onCancel(): void;
  cancelDisabled?: boolean;
  children: ReactNode;
}

/**
 * A form the console submits itself (no browser validation): the failed submit's alert, Cancel (which
 * never submits) and the primary button that submits and shows progress while the request runs.
 */
export function SubmitForm(props: SubmitFormProps) {
  const { header, failure, submitLabel, loadingText, submitting, onSubmit, onCancel, cancelDisabled } = props;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Form
        header={header}
        errorText={failure ? <ChangeError error={failure} /> : undefined}
        errorIconAriaLabel="Error"
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel} disabled={cancelDisabled}>
              Cancel
            </Button>
            <Button variant="primary" loading={submitting} loadingText={loadingText}>
              {submitLabel}
            </Button>
          </SpaceBetween>
        }
      >
        {props.children}
      </Form>
    </form>
  );
}
