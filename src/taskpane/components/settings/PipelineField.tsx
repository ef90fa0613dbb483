import { Checkbox, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_STALE_MULTIPLE } from '../../../core/pipeline/open-deals';
import type { PaneSettings } from '../../model';
import type { SettingsStrings } from '../../strings-settings';

export interface PipelineFieldProps {
  readonly strings: SettingsStrings;
  readonly settings: PaneSettings;
  readonly onSettingsChange: (settings: PaneSettings) => void;
}

/** A positive number (a decimal comma read as a point), or `null`. */
function readMultiple(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1000 ? n : null;
}

/**
 * The pipeline forecast's stale rule: after how many median sales cycles an open deal is stale,
 * and whether stale deals count in the forecast and coverage. Invalid text stays in its field.
 *
 * @example
 * <PipelineField strings={strings} settings={settings} onSettingsChange={set} />
 */
export function PipelineField({ strings, settings, onSettingsChange }: PipelineFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const edit = (text: string) => {
    const staleMultiple = readMultiple(text);
    if (staleMultiple === null) return setDraft(text);
    setDraft(null);
    onSettingsChange({ ...settings, staleMultiple });
  };
  return (
    <>
      <Field
        label={strings.staleMultipleLabel}
        hint={strings.staleMultipleHint}
        validationState={draft === null ? 'none' : 'error'}
        validationMessage={draft === null ? undefined : strings.staleMultipleInvalid}
      >
        <Input
          inputMode="decimal"
          value={draft ?? String(settings.staleMultiple ?? DEFAULT_STALE_MULTIPLE)}
          onChange={(_, data) => edit(data.value)}
        />
      </Field>
      <Checkbox
        label={strings.includeStaleLabel}
        checked={settings.includeStale === true}
        onChange={(_, data) => onSettingsChange({ ...settings, includeStale: data.checked === true })}
      />
    </>
  );
}
