import type { TagEditorProps } from '@cloudscape-design/components/tag-editor';
import { apiPaths, type IdentityDetail, tagListSchema } from '@ses-console/contract';
import { useAccount } from '../../../hooks/use-account';
import { type EditInPlaceOptions, useEditInPlace } from '../../../hooks/use-edit-in-place';
import { useCan } from '../../../lib/session-queries';
import {
  type EditRoute,
  type EditRoutes,
  useCanEditIdentity,
  useEditIdentity,
} from '../api/use-edit-identity';
import { usePolicyMutation } from '../api/use-policy-mutations';
import {
  dkimDraftFrom,
  dkimFieldForPath,
  dkimFields,
  dkimRequest,
  validateDkim,
} from '../model/dkim-settings';
import {
  mailFromDraftFrom,
  mailFromFieldForPath,
  mailFromFields,
  mailFromRequest,
  validateMailFrom,
} from '../model/mail-from-settings';
import {
  type PolicyDraft,
  policyChangeOf,
  policyFieldForPath,
  policyFields,
  policyTemplate,
  validatePolicyDraft,
} from '../model/policy-document';

/**
 * The edit-in-place flow of one of an identity's settings: its PUT route's mutation (which owns the
 * cache) and the permission of that same route, so Edit is disabled exactly when the BFF would refuse.
 */
function useIdentitySettingEdit<K extends EditRoute, Draft, F extends string = never>(
  route: K,
  detail: IdentityDetail,
  options: Omit<EditInPlaceOptions<Draft, EditRoutes[K], IdentityDetail, F>, 'submit'>,
) {
  const canEdit = useCanEditIdentity(route);
  const mutation = useEditIdentity(route, detail.region, detail.name);
  const edit = useEditInPlace({ ...options, submit: mutation.mutateAsync });
  return { ...edit, canEdit, container: { ...edit.container, canEdit } };
}

export function useDkimEdit(detail: IdentityDetail) {
  const { inAccount } = useAccount();
  return useIdentitySettingEdit('dkim', detail, {
    initialDraft: () => dkimDraftFrom(detail),
    fields: dkimFields,
    validate: (draft) => validateDkim(detail, draft),
    fieldForPath: dkimFieldForPath,
    toRequest: (draft) => dkimRequest(detail, draft),
    success: () => ({
      id: `dkim-${detail.name}`,
      type: 'success',
      content: `DKIM settings of ${inAccount(detail.name)} were saved.`,
    }),
  });
}

export function useMailFromEdit(detail: IdentityDetail) {
  const { inAccount } = useAccount();
  return useIdentitySettingEdit('mailFrom', detail, {
    initialDraft: () => mailFromDraftFrom(detail),
    fields: mailFromFields,
    validate: (draft) => validateMailFrom(detail.name, draft),
    fieldForPath: mailFromFieldForPath,
    toRequest: (draft) => mailFromRequest(detail.name, draft),
    success: () => ({
      id: `mail-from-${detail.name}`,
      type: 'success',
      content: `Custom MAIL FROM settings of ${inAccount(detail.name)} were saved.`,
    }),
  });
}

const configurationSetFields = ['name'] as const;

export function useConfigurationSetEdit(detail: IdentityDetail) {
  const { inAccount } = useAccount();
  return useIdentitySettingEdit('configurationSet', detail, {
    initialDraft: () => ({
      assign: !!detail.configurationSetName,
      name: detail.configurationSetName ?? null,
    }),
    fields: configurationSetFields,
    validate: (draft) => ({
      name: draft.assign && !draft.name ? 'Choose a configuration set, or clear the checkbox' : undefined,
    }),
    fieldForPath: (path) => (path === 'configurationSetName' ? 'name' : undefined),
    toRequest: (draft) => ({ configurationSetName: draft.assign ? draft.name : null }),
    success: ({ configurationSetName }) => ({
      id: `configuration-set-${detail.name}`,
      type: 'success',
      content: configurationSetName
        ? `${configurationSetName} is now the default configuration set of ${inAccount(detail.name)}.`
        : `${inAccount(detail.name)} no longer has a default configuration set.`,
    }),
  });
}

const tagFields = ['tags'] as const;

/** The tags the editor keeps, as the contract's request wants them. */
const keptTags = (tags: readonly TagEditorProps.Tag[]) =>
  tags.filter((t) => !t.markedForRemoval).map((t) => ({ key: t.key.trim(), value: t.value }));

export function useTagsEdit(detail: IdentityDetail) {
  const { inAccount } = useAccount();
  return useIdentitySettingEdit('tags', detail, {
    initialDraft: (): TagEditorProps.Tag[] =>
      detail.tags.map((t) => ({ key: t.key, value: t.value, existing: true })),
    fields: tagFields,
    validate: (tags) => {
      const parsed = tagListSchema.safeParse(keptTags(tags));
      return { tags: parsed.success ? undefined : parsed.error.issues[0]?.message };
    },
    fieldForPath: (path) => (path.startsWith('tags') ? 'tags' : undefined),
    toRequest: (tags) => ({ tags: tagListSchema.parse(keptTags(tags)) }),
    success: () => ({
      id: `tags-${detail.name}`,
      type: 'success',
      content: `Tags of ${inAccount(detail.name)} were saved.`,
    }),
  });
}

/**
 * The authorization policy editor (it replaces the policies table while open): Create policy opens
 * it with the template (`open(undefined, 'create')`), Edit with the selected policy (`open(draft)`);
 * focus goes back to whichever opened it. Policies are an admin's: every policy route needs admin.
 */
export function usePolicyEditor(detail: IdentityDetail) {
  const canEdit = useCan('post', apiPaths.policies);
  const mutation = usePolicyMutation(detail.region, detail.name);
  const edit = useEditInPlace({
    initialDraft: (): PolicyDraft => ({ mode: 'create', name: '', document: policyTemplate(detail) }),
    fields: policyFields,
    validate: validatePolicyDraft,
    fieldForPath: policyFieldForPath,
    toRequest: policyChangeOf,
    submit: mutation.mutateAsync,
    success: (change) => ({
      id: `policy-${detail.name}-${change.name}`,
      type: 'success',
      content: `Policy ${change.name} was ${change.kind === 'create' ? 'created' : 'saved'}.`,
    }),
  });
  return { ...edit, canEdit };
}
