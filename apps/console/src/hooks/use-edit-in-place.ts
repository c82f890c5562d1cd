import { useCallback, useEffect, useRef, useState } from 'react';
import { type Notification, useNotifications } from '../lib/notifications';
import { type FieldErrors, type Focusable, useFormSubmission } from './use-form-submission';

export interface EditInPlaceOptions<Draft, Body, Result, F extends string> {
  /** The draft Edit opens with: what the page shows now. */
  initialDraft(): Draft;
  /** The form's fields in the order they are shown (focus goes to the first invalid one). */
  fields?: readonly F[];
  /** Validation as data: what is wrong with the draft, by field. */
  validate?(draft: Draft): FieldErrors<F>;
  /** The field that shows a BFF field error of this request (by its path in the request body). */
  fieldForPath?(path: string): F | undefined;
  /** The request for the draft; null when nothing changed (Save then closes without a request). */
  toRequest(draft: Draft): Body | null;
  /** Sends it: the feature's mutation (`mutateAsync`), which owns the cache effects. */
  submit(body: Body): Promise<Result>;
  /** The success flash; its stable id makes a second save replace the first message. */
  success(body: Body, result: Result): Notification;
}

/** What `EditableContainer` needs to render the flow (spread it in). */
export interface EditableContainerState {
  editing: boolean;
  saving: boolean;
  /** The failed save, for the form's alert (with what was applied when it was applied in part). */
  failure: unknown;
  onEdit(): void;
  onCancel(): void;
  onSave(): void;
  editButtonRef(button: Focusable | null): void;
}

const noFields: readonly never[] = [];

/**
 * Edit → Save changes / Cancel in place, for every container that edits part of a resource: owns
 * whether the form is open, the draft, validation, sending through the feature's mutation, the
 * error envelope (field errors under their fields, the rest in the form's alert), the success flash
 * and focus: back on the button that opened the form after Cancel or Save, on the first invalid
 * field after a failed save.
 */
export function useEditInPlace<Draft, Body, Result, F extends string = never>(
  options: EditInPlaceOptions<Draft, Body, Result, F>,
) {
  const { notify } = useNotifications();
  const [draft, setDraft] = useState<Draft | null>(null);
  const fields = options.fields ?? (noFields as readonly F[]);
  const clientErrors = draft !== null && options.validate ? options.validate(draft) : {};
  const submission = useFormSubmission<F>({ fields, clientErrors, fieldForPath: options.fieldForPath });

  // Buttons that open the form, by name ("edit" unless a container has several, e.g. Create and Edit).
  const openers = useRef(new Map<string, Focusable | null>());
  const openerCallbacks = useRef(new Map<string, (button: Focusable | null) => void>());
  const openedBy = useRef('edit');
  const [returnFocus, setReturnFocus] = useState<{ opener: string } | undefined>(undefined);
  // The opener is back on screen only once the form has closed: focus it after that render.
  useEffect(() => {
    if (returnFocus) openers.current.get(returnFocus.opener)?.focus();
  }, [returnFocus]);

  const openerRef = useCallback((name = 'edit') => {
    let callback = openerCallbacks.current.get(name);
    if (!callback) {
      callback = (button) => openers.current.set(name, button);
      openerCallbacks.current.set(name, callback);
    }
    return callback;
  }, []);

  /** Opens the form with `initial` (default: the options' initial draft), remembering who opened it. */
  const open = (initial?: Draft, opener = 'edit') => {
    submission.reset();
    openedBy.current = opener;
    setDraft(initial ?? options.initialDraft());
  };

  const close = () => {
    setDraft(null);
    setReturnFocus({ opener: openedBy.current });
  };

  const save = async () => {
    if (draft === null) return;
    // Built only from a valid draft; while a field is invalid `submit` sends nothing.
    const request = Object.values(clientErrors).some(Boolean) ? undefined : options.toRequest(draft);
    if (request === null) {
      close();
      return;
    }
    const outcome = await submission.submit(() => options.submit(request as Body));
    if (!outcome.ok) return;
    notify(options.success(request as Body, outcome.value));
    close();
  };

  const container: EditableContainerState = {
    editing: draft !== null,
    saving: submission.submitting,
    failure: submission.failure,
    onEdit: () => open(),
    onCancel: close,
    onSave: () => void save(),
    editButtonRef: openerRef('edit'),
  };

  return {
    /** The draft being edited; null while the container shows its values. */
    draft,
    setDraft: setDraft as (next: Draft) => void,
    editing: draft !== null,
    saving: submission.submitting,
    /** Field errors to show: the client's once a save was tried, the server's for the last save. */
    errors: submission.errors,
    failure: submission.failure,
    open,
    cancel: close,
    save,
    openerRef,
    fieldRef: submission.fieldRef,
    container,
  };
}
