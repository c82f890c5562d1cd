import FormField from '@cloudscape-design/components/form-field';
import Table from '@cloudscape-design/components/table';
import TagEditor from '@cloudscape-design/components/tag-editor';
import type { IdentityDetail } from '@ses-console/contract';
import { EditableContainer } from '../../../components/editable-container';
import { TableEmptyState } from '../../../components/table-states';
import { useTagsEdit } from '../hooks/use-identity-edits';
import { tagEditorShowsProblem } from '../model/tag-editor-rules';

export function TagsTab({ detail }: { detail: IdentityDetail }) {
  const edit = useTagsEdit(detail);
  const tags = edit.draft;

  return (
    <EditableContainer
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
          <FormField errorText={tagEditorShowsProblem(tags) ? undefined : edit.errors.tags} stretch>
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
