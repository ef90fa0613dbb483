import {
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ingestTable, type RoleDetection } from '../../core/ingest';
import type { ColumnRole, Mapping } from '../../core/table';
import type { TableInfo, WorkbookGateway } from '../gateway';
import { translateIngestError } from '../ingest-messages';
import {
  SIDE_KINDS,
  sideHeaders,
  sideRoleRows,
  withSideRole,
  type SideChoice,
  type SideKind,
  type SideRoleRow,
} from '../side-tables';
import type { Strings } from '../strings';
import { plainList } from './styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  status: { color: tokens.colorNeutralForeground2 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  kind: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  toggle: { alignSelf: 'flex-start' },
  list: plainList(tokens.spacingVerticalXS),
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  required: { color: tokens.colorNeutralForeground3 },
});

/** Rows looked at to check a side table's columns. */
const PEEK_ROWS = 300;

export interface SideTablesProps {
  readonly strings: Strings;
  readonly gateway: WorkbookGateway;
  readonly tables: readonly TableInfo[];
  readonly value: SideChoice;
  readonly onChange: (value: SideChoice) => void;
  readonly formatNumber: (n: number) => string;
}

/** Data rows of a table from its address (`Sheet1!A1:D8801` → 8800). */
function bodyRows(address: string | undefined): number | undefined {
  const m = address ? /(\d+):\$?[A-Z]+\$?(\d+)$/.exec(address) : null;
  return m ? Math.max(0, Number(m[2]) - Number(m[1])) : undefined;
}

/** A side table read with the person's mapping: usable or not, and its columns as detected. */
interface Check {
  /** The table and mapping it was made for (a stale check is not shown). */
  readonly key: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly message: string;
  readonly headers: readonly string[];
  readonly detection: RoleDetection;
}

const keyOf = (source: string, mapping: Mapping | undefined) => JSON.stringify([source, mapping ?? {}]);

/**
 * The optional tables — pipeline, marketing spend, targets — each chosen among the workbook's
 * tables and checked; a table whose columns detection cannot tell gets a column list where the
 * person says which column plays each role (saved with the choice, read by the jobs).
 */
export function SideTables({ strings, gateway, tables, value, onChange, formatNumber }: SideTablesProps) {
  const styles = useStyles();
  const headingId = useId('side');
  const [checks, setChecks] = useState<Partial<Record<SideKind, Check>>>({});
  const [open, setOpen] = useState<Partial<Record<SideKind, boolean>>>({});
  const isTable = (name: string) => tables.some((t) => t.name === name);
  // What each table's check was last made for (with its range and the pane's language): a change
  // to one table's choice does not read the others again.
  const checkedFor = useRef<Partial<Record<SideKind, string>>>({});

  useEffect(() => {
    let live = true;
    for (const kind of SIDE_KINDS) {
      const chosen = value[kind];
      const table = chosen ? tables.find((t) => t.name === chosen.source) : undefined;
      if (!chosen || !table) continue;
      const key = keyOf(chosen.source, chosen.mapping);
      const wanted = JSON.stringify([key, table.address, strings.catalogue]);
      if (checkedFor.current[kind] === wanted) continue;
      const done = (check: Omit<Check, 'key'>) => {
        if (!live) return;
        checkedFor.current[kind] = wanted;
        setChecks((c) => ({ ...c, [kind]: { key, ...check } }));
      };
      gateway
        .peek(chosen.source, PEEK_ROWS)
        .then((data) => {
          const result = ingestTable(kind, data.values, chosen.mapping ? { mapping: chosen.mapping } : {});
          done({
            ok: result.table !== null,
            rows: bodyRows(table.address) ?? result.report.rowsUsed,
            message: result.table ? '' : translateIngestError(result.error ?? '', strings.catalogue),
            headers: sideHeaders(data.values),
            detection: result.detection,
          });
        })
        .catch((error: unknown) =>
          done({
            ok: false,
            rows: 0,
            message: String((error as Error)?.message ?? error),
            headers: [],
            detection: { roles: {}, unassigned: [] },
          }),
        );
    }
    return () => {
      live = false;
    };
  }, [gateway, value, tables, strings.catalogue]);

  const choose = (kind: SideKind, source: string) =>
    onChange({ ...value, [kind]: source ? { source } : null });
  const map = (kind: SideKind, role: ColumnRole, header: string | null) => {
    const chosen = value[kind];
    if (!chosen) return;
    const mapping = withSideRole(chosen.mapping, role, header);
    onChange({ ...value, [kind]: { source: chosen.source, ...(mapping ? { mapping } : {}) } });
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="side-tables">
      <Subtitle2 as="h3" id={headingId}>
        {strings.moreTables}
      </Subtitle2>
      {SIDE_KINDS.map((kind) => {
        const chosen = value[kind] ?? undefined;
        const elsewhere = chosen !== undefined && !isTable(chosen.source);
        const found = checks[kind];
        const check = chosen && found?.key === keyOf(chosen.source, chosen.mapping) ? found : undefined;
        // Open when the table cannot be read, or the person mapped some of its columns.
        const shown = check !== undefined && (open[kind] ?? (!check.ok || chosen?.mapping !== undefined));
        return (
          <div key={kind} className={styles.kind}>
            <Field label={strings.sideTable[kind]}>
              <Select value={chosen?.source ?? ''} onChange={(_, data) => choose(kind, data.value)}>
                <option value="">{strings.sideNone}</option>
                {elsewhere && <option value={chosen.source}>{chosen.source}</option>}
                {tables.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </Select>
              {elsewhere && <Caption1 className={styles.status}>{strings.sideSaved}</Caption1>}
              {check && (
                <Caption1
                  className={check.ok ? styles.status : styles.bad}
                  role={check.ok ? undefined : 'alert'}
                >
                  {check.ok
                    ? strings.sideReady(formatNumber(check.rows))
                    : strings.sideMissing(check.message)}
                </Caption1>
              )}
            </Field>
            {/* Outside the field: each role's select is labelled by its role, not by the table. */}
            {check && check.headers.length > 0 && (
              <Button
                className={styles.toggle}
                appearance="transparent"
                size="small"
                aria-expanded={shown}
                aria-label={`${shown ? strings.sideColumnsHide : strings.sideColumns}: ${strings.sideTable[kind]}`}
                onClick={() => setOpen((o) => ({ ...o, [kind]: !shown }))}
              >
                {shown ? strings.sideColumnsHide : strings.sideColumns}
              </Button>
            )}
            {shown && (
              <SideColumns
                strings={strings}
                kind={kind}
                rows={sideRoleRows(kind, check.detection, check.headers, chosen?.mapping)}
                headers={check.headers}
                onChoose={(role, header) => map(kind, role, header)}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}

interface SideColumnsProps {
  readonly strings: Strings;
  readonly kind: SideKind;
  readonly rows: readonly SideRoleRow[];
  readonly headers: readonly string[];
  readonly onChoose: (role: ColumnRole, header: string | null) => void;
}

/** Each role of a side table with the column it is read from: detected, or the person's choice. */
function SideColumns({ strings, kind, rows, headers, onChoose }: SideColumnsProps) {
  const styles = useStyles();
  const labels = strings.sideRoles[kind] as Readonly<Record<string, string>>;
  return (
    <ul className={styles.list}>
      {rows.map((row) => (
        <li key={row.role} className={styles.row}>
          <label htmlFor={`side-${kind}-${row.role}`}>
            {labels[row.role] ?? row.role}
            {row.required && <span className={styles.required}> ({strings.sideRequired})</span>}
          </label>
          <Select
            id={`side-${kind}-${row.role}`}
            size="small"
            value={row.chosen ?? ''}
            onChange={(_, data) => onChoose(row.role, data.value === '' ? null : data.value)}
          >
            <option value="">
              {row.chosen !== undefined
                ? strings.sideDetectAgain
                : row.found !== undefined
                  ? strings.sideFound(row.found)
                  : strings.sideNotFound}
            </option>
            {headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </Select>
        </li>
      ))}
    </ul>
  );
}
