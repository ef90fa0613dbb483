import { Caption1, Field, Select, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ingestTable } from '../../core/ingest';
import type { TableInfo, WorkbookGateway } from '../gateway';
import { translateIngestError } from '../ingest-messages';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  status: { color: tokens.colorNeutralForeground2 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export type SideKind = 'pipeline' | 'spend' | 'targets';
export type SideChoice = Readonly<Partial<Record<SideKind, string>>>;

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

type Check = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly message: string };

/** The optional tables — pipeline, marketing spend, targets — each chosen among the workbook's tables and checked. */
export function SideTables({ strings, gateway, tables, value, onChange, formatNumber }: SideTablesProps) {
  const styles = useStyles();
  const headingId = useId('side');
  const [checks, setChecks] = useState<Partial<Record<SideKind, Check>>>({});

  useEffect(() => {
    let live = true;
    for (const kind of ['pipeline', 'spend', 'targets'] as const) {
      const name = value[kind];
      if (!name) continue;
      gateway
        .peek(name, PEEK_ROWS)
        .then((data) => {
          const result = ingestTable(kind, data.values);
          const check: Check = result.table
            ? {
                ok: true,
                rows: bodyRows(tables.find((t) => t.name === name)?.address) ?? result.report.rowsUsed,
              }
            : { ok: false, message: translateIngestError(result.error ?? '', strings.catalogue) };
          if (live) setChecks((c) => ({ ...c, [kind]: check }));
        })
        .catch((error: unknown) => {
          if (live)
            setChecks((c) => ({
              ...c,
              [kind]: { ok: false, message: String((error as Error)?.message ?? error) },
            }));
        });
    }
    return () => {
      live = false;
    };
  }, [gateway, value, tables, strings.catalogue]);

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="side-tables">
      <Subtitle2 as="h3" id={headingId}>
        {strings.moreTables}
      </Subtitle2>
      {(['pipeline', 'spend', 'targets'] as const).map((kind) => {
        const check = value[kind] ? checks[kind] : undefined;
        return (
          <Field key={kind} label={strings.sideTable[kind]}>
            <Select
              value={value[kind] ?? ''}
              onChange={(_, data) => onChange({ ...value, [kind]: data.value || undefined })}
            >
              <option value="">{strings.sideNone}</option>
              {tables.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </Select>
            {check && (
              <Caption1
                className={check.ok ? styles.status : styles.bad}
                role={check.ok ? undefined : 'alert'}
              >
                {check.ok ? strings.sideReady(formatNumber(check.rows)) : strings.sideMissing(check.message)}
              </Caption1>
            )}
          </Field>
        );
      })}
    </section>
  );
}
