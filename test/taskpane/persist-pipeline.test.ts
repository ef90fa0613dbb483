/**
 * The pane's stale-deal settings round-trip through the workbook's configuration, where the build
 * and review jobs read them (`settings.pipeline`), keeping stage probabilities saved elsewhere.
 */
import { defaultConfig } from '../../src/sheets/config';
import { savedPipelineSettings, withPipelineSettings } from '../../src/sheets/pipeline-settings';
import { DEFAULT_SETTINGS } from '../../src/taskpane/model';
import { configWithPaneState, paneStateOf } from '../../src/taskpane/persist';

describe('stale-deal settings in the configuration', () => {
  it('are saved by the pane and read back', () => {
    const base = withPipelineSettings(defaultConfig(), { stageProbabilities: { Demo: 0.35 } });
    const config = configWithPaneState(base, {
      settings: { ...DEFAULT_SETTINGS, includeStale: true, staleMultiple: 3 },
      goals: [],
      figures: [],
    });
    expect(savedPipelineSettings(config)).toEqual({
      stageProbabilities: { Demo: 0.35 },
      staleMultiple: 3,
      includeStale: true,
    });
    expect(paneStateOf(config).settings).toMatchObject({ includeStale: true, staleMultiple: 3 });
  });

  it('are left alone when the pane never set them', () => {
    const config = configWithPaneState(defaultConfig(), {
      settings: DEFAULT_SETTINGS,
      goals: [],
      figures: [],
    });
    expect(config.settings?.pipeline).toBeUndefined();
    expect(paneStateOf(config).settings.includeStale).toBeUndefined();
  });

  it('ignore saved values of the wrong type', () => {
    const config = { ...defaultConfig(), settings: { pipeline: { staleMultiple: -1, includeStale: 'yes' } } };
    expect(savedPipelineSettings(config)).toEqual({});
  });
});
