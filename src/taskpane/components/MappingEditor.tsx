import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import { translateIngestError } from '../ingest-messages';
import type { OrderRole } from '../../core/table';
import type { RoleChoice, RoleRow } from '../mapping';
import type { Strings } from '../strings';
import { plainList } from './styles';

const NONE = 'none';

/** Roles always listed: the required ones and those the headline KPIs read. */
const ALWAYS_SHOWN: ReadonlySet<OrderRole> = new Set(['date', 'amount', 'order_id', 'customer']);

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalS),
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr) 3.2em',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  label: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  required: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0, width: '100%' },
  badge: { justifySelf: 'end' },
  toggle: { alignSelf: 'flex-start' },
});

export interface MappingEditorProps {
  readonly strings: Strings;
  readonly headers: readonly string[];
  readonly rows: readonly RoleRow[];
  /** Ingestion's message when a required role has no column. */
  readonly error?: string;
  readonly onChoose: (role: OrderRole, column: RoleChoice) => void;
}

function confidenceColor(confidence: number): 'success' | 'warning' | 'danger' {
  return confidence >= 0.8 ? 'success' : confidence >= 0.5 ? 'warning' : 'danger';
}

function MappingRow(
  props: { strings: Strings; headers: readonly string[]; row: RoleRow } & Pick<
    MappingEditorProps,
    'onChoose'
  >,
) {
  const { strings, headers, row } = props;
  const styles = useStyles();
  const labelId = useId('role');
  const requiredId = useId('required');
  const badgeId = useId('confidence');
  const hasBadge = row.chosenByUser || row.confidence !== null;
  const value = row.column === null ? NONE : String(row.column);
  const percent = row.confidence === null ? '' : `${Math.round(row.confidence * 100)}%`;
  return (
    <li className={styles.row} data-role={row.role}>
      <span className={styles.label}>
        <Text id={labelId}>{strings.roles[row.role]}</Text>
        {row.required && (
          <Caption1 id={requiredId} className={styles.required}>
            {strings.requiredRole}
          </Caption1>
        )}
      </span>
      <Dropdown
        className={styles.dropdown}
        aria-labelledby={row.required ? `${labelId} ${requiredId}` : labelId}
        aria-describedby={hasBadge ? badgeId : undefined}
        size="small"
        value={row.column === null ? strings.noColumn : headers[row.column]}
        selectedOptions={[value]}
        onOptionSelect={(_, data) =>
          props.onChoose(
            row.role,
            data.optionValue === NONE || !data.optionValue ? null : Number(data.optionValue),
          )
        }
      >
        <Option value={NONE}>{strings.noColumn}</Option>
        {headers.map((header, i) => (
          <Option key={i} value={String(i)}>
            {header}
          </Option>
        ))}
      </Dropdown>
      {row.chosenByUser ? (
        <Badge
          id={badgeId}
          className={styles.badge}
          appearance="outline"
          color="brand"
          title={strings.chosenByYouLong}
          aria-label={strings.chosenByYouLong}
          role="img"
        >
          {strings.chosenByYou}
        </Badge>
      ) : row.confidence !== null ? (
        <Badge
          id={badgeId}
          className={styles.badge}
          appearance="tint"
          color={confidenceColor(row.confidence)}
          title={strings.confidence(percent)}
          aria-label={strings.confidence(percent)}
          role="img"
        >
          {percent}
        </Badge>
      ) : (
        <span />
      )}
    </li>
  );
}

/**
 * The guessed column mapping, one line per role: the column in a dropdown (every header, or
 * none) and how sure the guess is. Roles without a column stay folded away until asked for.
 */
export function MappingEditor({ strings, headers, rows, error, onChoose }: MappingEditorProps) {
  const styles = useStyles();
  const headingId = useId('mapping');
  const [showAll, setShowAll] = useState(false);
  const isMain = (row: RoleRow) => ALWAYS_SHOWN.has(row.role) || row.column !== null || row.chosenByUser;
  const hidden = rows.filter((row) => !isMain(row)).length;
  const shown = showAll ? rows : rows.filter(isMain);
  const missing = rows.filter((row) => row.required && row.column === null);
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="mapping">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.mappingHeading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{strings.mappingHint}</Caption1>
      {error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>
              {missing.length > 0
                ? strings.missingRoles(missing.map((row) => strings.roles[row.role]).join(', '))
                : strings.readFailed}
            </MessageBarTitle>
            {translateIngestError(error, strings.catalogue)}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {shown.map((row) => (
          <MappingRow key={row.role} strings={strings} headers={headers} row={row} onChoose={onChoose} />
        ))}
      </ul>
      {hidden > 0 && (
        <Button
          className={styles.toggle}
          appearance="subtle"
          size="small"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? strings.fewerRoles : strings.moreRoles(String(hidden))}
        </Button>
      )}
    </section>
  );
}
