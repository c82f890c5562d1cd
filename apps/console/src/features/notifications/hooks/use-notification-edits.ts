import type { NotificationSettings, SnsTopic } from '@ses-console/contract';
import { useEditInPlace } from '../../../hooks/use-edit-in-place';
import { useCanEditNotifications, useUpdateNotifications } from '../api/notification-queries';
import {
  feedbackDraftFrom,
  feedbackFieldForPath,
  feedbackFields,
  feedbackRequest,
  forwardingProblem,
  validateFeedbackDraft,
} from '../model/feedback-notifications-form';

interface Target {
  region: string;
  identity: string;
  settings: NotificationSettings;
}

/** Feedback notifications: a topic and the headers choice per type, saved in one request. */
export function useFeedbackNotificationsEdit({ region, identity, settings }: Target, topics: SnsTopic[]) {
  const canEdit = useCanEditNotifications();
  const mutation = useUpdateNotifications(region, identity);
  const edit = useEditInPlace({
    initialDraft: () => feedbackDraftFrom(settings, topics),
    fields: feedbackFields,
    validate: (draft) => validateFeedbackDraft(settings, draft),
    fieldForPath: feedbackFieldForPath,
    toRequest: (draft) => feedbackRequest(settings, draft),
    submit: mutation.mutateAsync,
    success: () => ({
      id: `feedback-notifications-${identity}`,
      type: 'success',
      content: `Feedback notifications of ${identity} were saved.`,
    }),
  });
  return { ...edit, canEdit, container: { ...edit.container, canEdit } };
}

const forwardingFields = ['forwardingEnabled'] as const;

/** Email feedback forwarding: SES's rule (Bounce and Complaint topics) is checked before the call. */
export function useForwardingEdit({ region, identity, settings }: Target) {
  const canEdit = useCanEditNotifications();
  const mutation = useUpdateNotifications(region, identity);
  const edit = useEditInPlace({
    initialDraft: () => settings.forwardingEnabled,
    fields: forwardingFields,
    validate: (enabled) => ({ forwardingEnabled: forwardingProblem(settings, enabled) }),
    fieldForPath: (path) => (path === 'forwardingEnabled' ? 'forwardingEnabled' : undefined),
    toRequest: (enabled) => (enabled === settings.forwardingEnabled ? null : { forwardingEnabled: enabled }),
    submit: mutation.mutateAsync,
    success: ({ forwardingEnabled }) => ({
      id: `feedback-${identity}`,
      type: 'success',
      content: `Email feedback forwarding of ${identity} is now ${forwardingEnabled ? 'enabled' : 'disabled'}.`,
    }),
  });
  return { ...edit, canEdit, container: { ...edit.container, canEdit } };
}
