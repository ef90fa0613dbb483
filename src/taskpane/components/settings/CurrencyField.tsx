import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { parseCurrency, RUPIAH, type Currency } from '../../../core/currency';
import type { PaneSettings } from '../../model';
import { formatMoney } from '../../locale-format';
import type { PresetSymbol, SettingsStrings } from '../../strings-settings';

const PRESETS: Readonly<Record<PresetSymbol, Currency>> = {
  Rp: RUPIAH,
  $: { symbol: '$', decimals: 2 },
  '€': { symbol: '€', decimals: 2 },
};
const PRESET_SYMBOLS = Object.keys(PRESETS) as PresetSymbol[];
const DECIMALS = [0, 1, 2, 3, 4];
/** A figure with thousands and decimals, so the example shows both marks. */
const EXAMPLE = 1234567.891;

type Choice = 'data' | 'none' | PresetSymbol | 'other';

/** A symbol and decimals as typed for "other", valid or not. */
interface OtherDraft {
  readonly symbol: string;
  readonly decimals: number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  other: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  // Grid items keep the input's intrinsic width (20 characters) unless told they may shrink.
  cell: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
});

export interface CurrencyFieldProps {
  readonly strings: SettingsStrings;
  readonly language: 'en' | 'id';
  readonly settings: PaneSettings;
  readonly onSettingsChange: (settings: PaneSettings) => void;
  readonly detectedCurrency?: Currency;
}

/** Which choice a saved setting is: a preset only when both symbol and decimals match it. */
function choiceOf(currency: Currency | null | undefined): Choice {
  if (currency === undefined) return 'data';
  if (currency === null) return 'none';
  const preset = PRESET_SYMBOLS.find(
    (key) => PRESETS[key].symbol === currency.symbol && PRESETS[key].decimals === currency.decimals,
  );
  return preset ?? 'other';
}

/**
 * The currency of an "other" symbol, through the same reader as the configuration's text, so the
 * pane accepts what a saved workbook would. A colon would be read as the decimals' separator and
 * `none` as no currency, so neither counts as a symbol here.
 */
function readOther({ symbol, decimals }: OtherDraft): Currency | undefined {
  if (symbol.includes(':')) return undefined;
  const parsed = parseCurrency(`${symbol}:${decimals}`);
  return parsed && parsed.symbol !== '' ? parsed : undefined;
}

/**
 * Money's currency: left to the data (saying what it found), none, a preset, or any symbol with
 * 0–4 decimals, checked by the configuration's own reader before it is passed up.
 *
 * @example
 * <CurrencyField strings={strings} language="en" settings={settings} onSettingsChange={set} detectedCurrency={RUPIAH} />
 */
export function CurrencyField(props: CurrencyFieldProps) {
  const { strings, language, settings, onSettingsChange, detectedCurrency } = props;
  const styles = useStyles();
  // While "other" is chosen the typed text is kept here: it may be invalid (and so not in the
  // settings yet), and a typed `Rp` with 0 decimals must not turn the choice back into the preset.
  const [draft, setDraft] = useState<OtherDraft | null>(null);
  const current = settings.currency;
  const choice: Choice = draft ? 'other' : choiceOf(current);
  const other: OtherDraft | null =
    draft ?? (choice === 'other' && current ? { symbol: current.symbol, decimals: current.decimals } : null);
  const otherCurrency = other ? readOther(other) : undefined;
  const invalid = other !== null && otherCurrency === undefined;

  const { currency: _omitted, ...withoutCurrency } = settings;
  const editOther = (next: OtherDraft) => {
    setDraft(next);
    const currency = readOther(next);
    if (currency) onSettingsChange({ ...settings, currency });
  };
  const choose = (value: string) => {
    if (value === 'other') {
      // Start from the currency in use, so switching to "other" to change the decimals is one step.
      const base = current ?? detectedCurrency;
      editOther({ symbol: base?.symbol ?? '', decimals: base?.decimals ?? 2 });
      return;
    }
    setDraft(null);
    if (value === 'data') onSettingsChange(withoutCurrency);
    else if (value === 'none') onSettingsChange({ ...settings, currency: null });
    else if (value in PRESETS) onSettingsChange({ ...settings, currency: PRESETS[value as PresetSymbol] });
  };

  const shown = other ? otherCurrency : current === undefined ? detectedCurrency : (current ?? undefined);
  const example = invalid ? undefined : strings.currencyExample(formatMoney(EXAMPLE, shown, language));
  return (
    <div className={styles.root}>
      <Field label={strings.currencyLabel} hint={example}>
        <Select value={choice} onChange={(_, data) => choose(data.value)}>
          <option value="data">{strings.currencyFromData(detectedCurrency?.symbol || undefined)}</option>
          <option value="none">{strings.currencyNone}</option>
          {PRESET_SYMBOLS.map((symbol) => (
            <option key={symbol} value={symbol}>
              {strings.currencyPresets[symbol]}
            </option>
          ))}
          <option value="other">{strings.currencyOther}</option>
        </Select>
      </Field>
      {other && (
        <div className={styles.other}>
          <Field
            className={styles.cell}
            label={strings.symbolLabel}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? strings.symbolInvalid : undefined}
          >
            <Input
              className={styles.input}
              value={other.symbol}
              maxLength={8}
              autoComplete="off"
              onChange={(_, data) => editOther({ ...other, symbol: data.value })}
            />
          </Field>
          <Field className={styles.cell} label={strings.decimalsLabel}>
            <Select
              value={String(other.decimals)}
              onChange={(_, data) => editOther({ ...other, decimals: Number(data.value) })}
            >
              {DECIMALS.map((n) => (
                <option key={n} value={String(n)}>
                  {String(n)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
    </div>
  );
}
