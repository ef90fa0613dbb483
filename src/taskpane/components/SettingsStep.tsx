import { Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Currency } from '../../core/currency';
import type { PaneSettings } from '../model';
import type { SettingsStrings } from '../strings-settings';
import { MetricCatalogue } from './settings/MetricCatalogue';
import { SettingsForm } from './settings/SettingsForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
});

export interface SettingsStepProps {
  readonly strings: SettingsStrings;
  /** Which half of the catalogue's bilingual texts to show. */
  readonly language: 'en' | 'id';
  readonly settings: PaneSettings;
  readonly onSettingsChange: (settings: PaneSettings) => void;
  /** What the loaded data has: for each table kind that was read, the roles its mapping found. */
  readonly available: Readonly<Partial<Record<'orders' | 'pipeline' | 'spend', readonly string[]>>>;
  /** Breakdown dimensions the orders offer (roles like region, rep, product and extra text columns by header). */
  readonly dimensionChoices: readonly { readonly id: string; readonly label: string }[];
  /** The data's latest day (`YYYY-MM-DD`), shown as the default as-of day. */
  readonly latestDay?: string;
  /** The currency the data suggests, shown when the setting is left to the data. */
  readonly detectedCurrency?: Currency;
}

/**
 * The "Metrics & settings" step: the metric catalogue with what the loaded data supports, and the
 * dashboard's settings. Props in, whole new settings out; it reads and writes nothing itself.
 *
 * @example
 * <SettingsStep
 *   strings={settingsStrings('id-ID')}
 *   language="id"
 *   settings={settings}
 *   onSettingsChange={setSettings}
 *   available={{ orders: ['date', 'amount', 'customer', 'region'] }}
 *   dimensionChoices={[{ id: 'region', label: 'Wilayah' }]}
 *   latestDay="2026-03-27"
 *   detectedCurrency={RUPIAH}
 * />
 */
export function SettingsStep(props: SettingsStepProps) {
  const { strings, language, available } = props;
  const styles = useStyles();
  const headingId = useId('settings-step');
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="settings-step">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.stepHeading}
      </Subtitle2>
      <MetricCatalogue strings={strings} language={language} available={available} />
      <SettingsForm {...props} />
    </section>
  );
}
