import { Caption1, Checkbox, makeStyles, tokens, typographyStyles, useId } from '@fluentui/react-components';
import type { PaneSettings } from '../../model';
import type { SettingsStrings } from '../../strings-settings';

export interface DimensionChoice {
  readonly id: string;
  readonly label: string;
}

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  legend: { ...typographyStyles.body1, padding: 0, color: tokens.colorNeutralForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
  boxes: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(8rem, 1fr))',
    overflowWrap: 'anywhere',
  },
});

export interface DimensionsFieldProps {
  readonly strings: SettingsStrings;
  readonly settings: PaneSettings;
  readonly onSettingsChange: (settings: PaneSettings) => void;
  readonly choices: readonly DimensionChoice[];
}

/**
 * The settings with one dimension switched. Saved dimensions the data does not offer now (another
 * source, a renamed header) stay chosen; with every offered one on and no such leftovers, the
 * setting goes back to absent, so columns added later are broken down too.
 */
function toggled(
  settings: PaneSettings,
  choices: readonly DimensionChoice[],
  id: string,
  on: boolean,
): PaneSettings {
  const saved = settings.dimensions;
  const offered = new Set(choices.map((choice) => choice.id));
  const leftovers = (saved ?? []).filter((dimension) => !offered.has(dimension));
  const chosen = choices
    .map((choice) => choice.id)
    .filter((dimension) => (dimension === id ? on : (saved?.includes(dimension) ?? true)));
  const { dimensions: _omitted, ...rest } = settings;
  return leftovers.length === 0 && chosen.length === choices.length
    ? rest
    : { ...settings, dimensions: [...leftovers, ...chosen] };
}

/**
 * The breakdown dimensions as checkboxes, every one the data offers checked until unchecked.
 *
 * @example
 * <DimensionsField strings={strings} settings={settings} onSettingsChange={set} choices={[{ id: 'region', label: 'Region' }]} />
 */
export function DimensionsField({ strings, settings, onSettingsChange, choices }: DimensionsFieldProps) {
  const styles = useStyles();
  const hintId = useId('dimensions-hint');
  return (
    <fieldset className={styles.fieldset} aria-describedby={hintId}>
      <legend className={styles.legend}>{strings.dimensionsLabel}</legend>
      <Caption1 id={hintId} className={styles.hint}>
        {choices.length === 0 ? strings.noDimensions : strings.dimensionsHint}
      </Caption1>
      <div className={styles.boxes}>
        {choices.map((choice) => (
          <Checkbox
            key={choice.id}
            label={choice.label}
            checked={settings.dimensions?.includes(choice.id) ?? true}
            onChange={(_, data) =>
              onSettingsChange(toggled(settings, choices, choice.id, data.checked === true))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
