import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';

/**
 * A table's columns for narrow screens: when `stack`, one column (`header`) whose cell lists every
 * column's header and value one under the other, so long values get the whole width instead of a
 * sliver of it; otherwise the columns as they are.
 */
export function stackedWhen<T>(
  stack: boolean,
  header: string,
  columns: TableProps.ColumnDefinition<T>[],
): TableProps.ColumnDefinition<T>[] {
  if (!stack) return columns;
  return [
    {
      id: 'stacked',
      header,
      isRowHeader: true,
      cell: (item) => (
        <SpaceBetween size="xs">
          {columns.map((column) => (
            <div key={column.id}>
              <Box variant="awsui-key-label">{column.header}</Box>
              <div style={{ overflowWrap: 'anywhere' }}>{column.cell(item)}</div>
            </div>
          ))}
        </SpaceBetween>
      ),
    },
  ];
}
