import {
  Button,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Currency } from '../../../core/currency';
import { formatDay, parseDay, PERIOD_UNITS, type PeriodUnit } from '../../../core/periods';
import { formatDate } from '../../locale-format';
import type { PaneSettings } from '../../model';
import type { SettingsStrings } from '../../strings-settings';
import { CurrencyField } from './CurrencyField';
import { DimensionsField, type DimensionChoice } from './DimensionsField';
import { PipelineField } from './PipelineField';

/** Excel's dates start in 1900: an earlier as-of day could not be written to the sheets. */
const FIRST_DAY = parseDay('1900-01-01')!;
const MIN_PERIODS = 2;
const MAX_PERIODS = 120;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(8.5rem, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
  },
  latest: { alignSelf: 'flex-start' },
});

export interface SettingsFormProps {
  readonly strings: SettingsStrings;
  readonly language: 'en' | 'id';
  readonly settings: PaneSettings;
  readonly onSettingsChange: (settings: PaneSettings) => void;
  readonly dimensionChoices: readonly DimensionChoice[];
  readonly latestDay?: string;
  readonly detectedCurrency?: Currency;
}

/** The as-of day as the settings keep it (`YYYY-MM-DD`), or `null` when the text is no usable day. */
function readAsOf(text: string): string | null {
  const day = parseDay(text);
  return day === null || day < FIRST_DAY ? null : formatDay(day);
}

/** A whole number of periods in range, or `null`. */
function readPeriods(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_PERIODS && n <= MAX_PERIODS ? n : null;
}

type FieldProps = Pick<
  SettingsFormProps,
  'strings' | 'language' | 'settings' | 'onSettingsChange' | 'latestDay'
>;

/**
 * The as-of day. The date input hands over only whole dates where it is supported, but it falls
 * back to plain text elsewhere and lets years past 9999 through, so the text is checked as well.
 */
function AsOfField({ strings, language, settings, onSettingsChange, latestDay }: FieldProps) {
  const styles = useStyles();
  // Invalid text stays on screen (with its message) without reaching the settings.
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { asOf: _omitted, ...withoutAsOf } = settings;
  const clearAsOf = () => {
    setDraft(null);
    onSettingsChange(withoutAsOf);
  };
  const clearAndFocus = () => {
    clearAsOf();
    // The button goes away with the day it clears; focus moves to the field instead of the page.
    input.current?.focus();
  };
  const edit = (text: string, badInput: boolean) => {
    if (text.trim() === '' && !badInput) return clearAsOf();
    const asOf = badInput ? null : readAsOf(text);
    if (asOf === null) return setDraft(text);
    setDraft(null);
    onSettingsChange({ ...settings, asOf });
  };
  const latest = latestDay === undefined ? null : parseDay(latestDay);
  const latestText = latest === null ? latestDay : formatDate(latest, language);
  return (
    <>
      <Field
        label={strings.asOfLabel}
        hint={strings.asOfHint(latestText)}
        validationState={draft === null ? 'none' : 'error'}
        validationMessage={draft === null ? undefined : strings.asOfInvalid}
      >
        <Input
          ref={input}
          type="date"
          min="1900-01-01"
          max="9999-12-31"
          value={draft ?? settings.asOf ?? ''}
          onChange={(event, data) => edit(data.value, event.currentTarget.validity?.badInput === true)}
        />
      </Field>
      {(draft !== null || settings.asOf !== undefined) && (
        <Button className={styles.latest} appearance="secondary" size="small" onClick={clearAndFocus}>
          {strings.useLatestDay}
        </Button>
      )}
    </>
  );
}

/** The trend's length, typed; only whole numbers from 2 to 120 reach the settings. */
function PeriodsField({ strings, settings, onSettingsChange }: FieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const edit = (text: string) => {
    const periods = readPeriods(text);
    if (periods === null) return setDraft(text);
    setDraft(null);
    onSettingsChange({ ...settings, periods });
  };
  return (
    <Field
      label={strings.periodsLabel}
      hint={strings.periodsHint}
      validationState={draft === null ? 'none' : 'error'}
      validationMessage={draft === null ? undefined : strings.periodsInvalid}
    >
      <Input
        type="number"
        inputMode="numeric"
        min={MIN_PERIODS}
        max={MAX_PERIODS}
        step={1}
        value={draft ?? String(settings.periods)}
        onChange={(_, data) => edit(data.value)}
      />
    </Field>
  );
}

/** A select of numbered names (months 1–12, weekdays 1–7). */
function NumberedSelect(props: {
  label: string;
  names: readonly string[];
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <Field label={props.label}>
      <Select value={String(props.value)} onChange={(_, data) => props.onChange(Number(data.value))}>
        {props.names.map((name, i) => (
          <option key={i} value={String(i + 1)}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The dashboard's settings; each valid change is passed up as a whole new `PaneSettings`, and
 * invalid input stays in its field with a message.
 *
 * @example
 * <SettingsForm strings={strings} language="en" settings={DEFAULT_SETTINGS} onSettingsChange={set} dimensionChoices={[]} />
 */
export function SettingsForm(props: SettingsFormProps) {
  const { strings, settings, onSettingsChange } = props;
  const styles = useStyles();
  const headingId = useId('settings');
  const isUnit = (value: string): value is PeriodUnit => (PERIOD_UNITS as readonly string[]).includes(value);
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="settings-form">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.settingsHeading}
      </Subtitle2>
      <AsOfField {...props} />
      <div className={styles.pair}>
        <Field label={strings.unitLabel}>
          <Select
            value={settings.unit}
            onChange={(_, data) => isUnit(data.value) && onSettingsChange({ ...settings, unit: data.value })}
          >
            {PERIOD_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {strings.units[unit]}
              </option>
            ))}
          </Select>
        </Field>
        <PeriodsField {...props} />
        <NumberedSelect
          label={strings.fiscalLabel}
          names={strings.months}
          value={settings.fiscalYearStartMonth}
          onChange={(fiscalYearStartMonth) => onSettingsChange({ ...settings, fiscalYearStartMonth })}
        />
        <NumberedSelect
          label={strings.weekStartLabel}
          names={strings.weekdays}
          value={settings.weekStartsOn}
          onChange={(weekStartsOn) => onSettingsChange({ ...settings, weekStartsOn })}
        />
      </div>
      <CurrencyField {...props} />
      <DimensionsField {...props} choices={props.dimensionChoices} />
      <PipelineField {...props} />
    </section>
  );
}
