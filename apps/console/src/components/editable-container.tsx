import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { EditableContainerState } from '../hooks/use-edit-in-place';
import { SubmitForm } from './submit-form';

interface EditableContainerProps extends EditableContainerState {
  title: string;
  description?: ReactNode;
  counter?: string;
  /** Buttons next to Edit (e.g. "Publish DNS records to Route53"). */
  extraActions?: ReactNode;
  editLabel?: string;
  /** False: Edit is shown disabled, with the reason (the user's role may not change this). */
  canEdit?: boolean;
  view: ReactNode;
  form: ReactNode;
  footer?: ReactNode;
}

/**
 * A Container that switches in place between its values and an edit form: Edit opens the form, Save
 * changes applies it, Cancel leaves everything as it was. Renders only: `useEditInPlace` owns the flow
 * (spread its `container` into these props).
 */
export function EditableContainer(props: EditableContainerProps) {
  const { title, description, counter, editing, saving, failure, extraActions, editLabel = 'Edit' } = props;
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
                  ref={props.editButtonRef}
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
        <SubmitForm
          failure={failure}
          submitLabel="Save changes"
          loadingText="Saving changes"
          submitting={saving}
          onSubmit={props.onSave}
          onCancel={props.onCancel}
          cancelDisabled={saving}
        >
          {props.form}
        </SubmitForm>
      ) : (
        props.view
      )}
    </Container>
  );
}
