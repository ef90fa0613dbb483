import { Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../strings';
import type { DataSource, TablesState } from '../use-source-reader';

const SELECTION = 'selection';
const TABLE_PREFIX = 'table:';

/** `<select>` values for sources: table names are user text, so they carry a prefix. */
export function sourceValue(source: DataSource): string {
  return source.kind === 'table' ? TABLE_PREFIX + source.name : SELECTION;
}

export function sourceFromValue(value: string): DataSource {
  return value.startsWith(TABLE_PREFIX)
    ? { kind: 'table', name: value.slice(TABLE_PREFIX.length) }
    : { kind: 'selection' };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface SourcePickerProps {
  readonly strings: Strings;
  readonly tables: TablesState;
  readonly source: DataSource;
  readonly disabled: boolean;
  readonly onSourceChange: (source: DataSource) => void;
  readonly onReloadTables: () => void;
}

/** Chooses the data source: one of the workbook's tables, or the current selection. */
export function SourcePicker(props: SourcePickerProps) {
  const { strings, tables, source, disabled } = props;
  const styles = useStyles();
  const tableList = tables.status === 'ready' ? tables.tables : [];
  const validation =
    tables.status === 'error'
      ? { validationState: 'error' as const, validationMessage: `${strings.tablesFailed}: ${tables.message}` }
      : tables.status === 'ready' && tableList.length === 0
        ? { validationState: 'none' as const, validationMessage: strings.noTables }
        : {};

  return (
    <div className={styles.root}>
      <Field label={strings.sourceLabel} hint={strings.sourceHint} {...validation}>
        <Select
          value={sourceValue(source)}
          disabled={disabled}
          onChange={(_, data) => props.onSourceChange(sourceFromValue(data.value))}
        >
          {tableList.map((table) => (
            <option key={table.name} value={TABLE_PREFIX + table.name}>
              {`${table.name} — ${table.address}`}
            </option>
          ))}
          <option value={SELECTION}>{strings.currentSelection}</option>
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="subtle" size="small" disabled={disabled} onClick={props.onReloadTables}>
          {strings.reloadTables}
        </Button>
        {tables.status === 'loading' && <Spinner size="tiny" label={strings.loadingTables} />}
      </div>
    </div>
  );
}
