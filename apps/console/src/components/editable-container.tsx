import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

interface EditableContainerProps {
  title: string;
  description?: ReactNode;
  counter?: string;
  editing: boolean;
  saving: boolean;
  /** The failed save's error (text, or a ChangeError with what was applied). */
  error?: ReactNode;
  /** Buttons next to Edit (e.g. "Publish DNS records to Route53"). */
  extraActions?: ReactNode;
  editLabel?: string;
  /** False: Edit is shown disabled, with the reason (the user's role may not change this). */
  canEdit?: boolean;
  onEdit(): void;
  onCancel(): void;
  onSave(): void;
  view: ReactNode;
  form: ReactNode;
  footer?: ReactNode;
}

/**
 * A Container that switches in place between its values and an edit form: Edit opens the form, Save
 * changes applies it, Cancel leaves everything as it was.
 */
export function EditableContainer(props: EditableContainerProps) {
  const { title, description, counter, editing, saving, error, extraActions, editLabel = 'Edit' } = props;
  const canEdit = props.canEdit ?? true;
  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={counter}
          description={description}
          actions={
            editing ? undefined : (
              <SpaceBetween direction="horizontal" size="xs">
                {extraActions}
                <Button
                  onClick={props.onEdit}
                  ariaLabel={`${editLabel} ${title}`}
                  disabled={!canEdit}
                  disabledReason={canEdit ? undefined : 'Your role may not change this (needs operator)'}
                >
                  {editLabel}
                </Button>
              </SpaceBetween>
            )
          }
        >
          {title}
        </Header>
      }
      footer={editing ? undefined : props.footer}
    >
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSave();
          }}
          noValidate
        >
          <Form
            errorText={error}
            errorIconAriaLabel="Error"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={props.onCancel} disabled={saving}>
                  Cancel
                </Button>
                <Button variant="primary" loading={saving} loadingText="Saving changes">
                  Save changes
                </Button>
              </SpaceBetween>
            }
          >
            {props.form}
          </Form>
        </form>
      ) : (
        props.view
      )}
    </Container>
  );
}
