import FormField from '@cloudscape-design/components/form-field';
import Table from '@cloudscape-design/components/table';
import TagEditor, { type TagEditorProps } from '@cloudscape-design/components/tag-editor';
import { apiPaths, type IdentityDetail, tagListSchema } from '@ses-console/contract';
import { useState } from 'react';
import { ChangeError } from '../../../components/change-error';
import { EditableContainer } from '../../../components/editable-container';
import { TableEmptyState } from '../../../components/table-states';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { useEditIdentity } from '../api/use-edit-identity';

export function TagsTab({ detail }: { detail: IdentityDetail }) {
  const canEdit = useCan('put', apiPaths.tags);
  const { notify } = useNotifications();
  const edit = useEditIdentity('tags', detail.region, detail.name);
  const [tags, setTags] = useState<TagEditorProps.Tag[] | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const kept = (tags ?? [])
    .filter((t) => !t.markedForRemoval)
    .map((t) => ({ key: t.key.trim(), value: t.value }));
  const parsed = tagListSchema.safeParse(kept);
  const error = submitted && !parsed.success ? parsed.error.issues[0]?.message : undefined;

  return (
    <EditableContainer
      canEdit={canEdit}
      title="Tags"
      counter={`(${detail.tags.length})`}
      editLabel="Manage tags"
      description="Key-value labels for finding and grouping identities."
      editing={tags !== null}
      saving={edit.isPending}
      error={edit.error ? <ChangeError error={edit.error} /> : undefined}
      onEdit={() => {
        edit.reset();
        setSubmitted(false);
        setTags(detail.tags.map((t) => ({ key: t.key, value: t.value, existing: true })));
      }}
      onCancel={() => setTags(null)}
      onSave={() => {
        setSubmitted(true);
        if (!parsed.success) return;
        edit.mutate(
          { tags: parsed.data },
          {
            onSuccess: () => {
              setTags(null);
              notify({
                id: `tags-${detail.name}`,
                type: 'success',
                content: `Tags of ${detail.name} were saved.`,
              });
            },
          },
        );
      }}
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
          <FormField errorText={error} stretch>
            <TagEditor tags={tags} onChange={({ detail: d }) => setTags([...d.tags])} tagLimit={50} />
          </FormField>
        )
      }
    />
  );
}
