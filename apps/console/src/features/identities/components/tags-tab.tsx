import FormField from '@cloudscape-design/components/form-field';
import Table from '@cloudscape-design/components/table';
import TagEditor, { type TagEditorProps } from '@cloudscape-design/components/tag-editor';
import { apiPaths, type IdentityDetail, tagListSchema } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { TableEmptyState } from '../../../components/table-states';
import { useEditInPlace } from '../../../hooks/use-edit-in-place';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';

const fields = ['tags'] as const;

/** The tags the editor keeps, as the contract's request wants them. */
const keptTags = (tags: readonly TagEditorProps.Tag[]) =>
  tags.filter((t) => !t.markedForRemoval).map((t) => ({ key: t.key.trim(), value: t.value }));

export function TagsTab({ detail }: { detail: IdentityDetail }) {
  const canEdit = useCan('put', apiPaths.tags);
  const mutation = useEditIdentity('tags', detail.region, detail.name);
  const edit = useEditInPlace({
    initialDraft: (): TagEditorProps.Tag[] =>
      detail.tags.map((t) => ({ key: t.key, value: t.value, existing: true })),
    fields,
    validate: (tags) => {
      const parsed = tagListSchema.safeParse(keptTags(tags));
      return { tags: parsed.success ? undefined : parsed.error.issues[0]?.message };
    },
    fieldForPath: (path) => (path.startsWith('tags') ? 'tags' : undefined),
    toRequest: (tags) => ({ tags: tagListSchema.parse(keptTags(tags)) }),
    submit: mutation.mutateAsync,
    success: () => ({
      id: `tags-${detail.name}`,
      type: 'success',
      content: `Tags of ${detail.name} were saved.`,
    }),
  });
  const tags = edit.draft;

  return (
    <EditableContainer
      canEdit={canEdit}
      title="Tags"
      counter={`(${detail.tags.length})`}
      editLabel="Manage tags"
      description="Key-value labels for finding and grouping identities."
      {...edit.container}
      view={
        <Table
          variant="embedded"
          items={detail.tags}
          trackBy="key"
          ariaLabels={{ tableLabel: 'Tags' }}
          columnDefinitions={[
            { id: 'key', header: 'Key', cell: (t) => t.key, isRowHeader: true },
            { id: 'value', header: 'Value', cell: (t) => t.value || '-' },
          ]}
          empty={<TableEmptyState title="No tags" subtitle="This identity has no tags." />}
        />
      }
      form={
        tags && (
          <FormField errorText={edit.errors.tags} stretch>
            <TagEditor
              ref={edit.fieldRef('tags')}
              tags={tags}
              onChange={({ detail: d }) => edit.setDraft([...d.tags])}
              tagLimit={50}
            />
          </FormField>
        )
      }
    />
  );
}
