/**
 * The pipeline forecast's figures carry English and Indonesian labels and are each defined in
 * docs/metrics.md ("Pipeline forecast and quota").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_IDS } from '../../../src/core/metrics';
import { PIPELINE_FORECAST_FIGURES } from '../../../src/core/metrics/catalogue-pipeline';

const doc = readFileSync(join(__dirname, '../../../docs/metrics.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Pipeline forecast and quota'), doc.indexOf('\n## Goals'));

describe('pipeline forecast figures', () => {
  it('have unique ids apart from the metric ids, and labels in both languages', () => {
    const ids = PIPELINE_FORECAST_FIGURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => (METRIC_IDS as readonly string[]).includes(id))).toEqual([]);
    for (const f of PIPELINE_FORECAST_FIGURES) {
      expect(
        f.label.en.length * f.label.id.length * f.description.en.length * f.description.id.length,
      ).toBeGreaterThan(0);
      expect(f.label.id).not.toBe(f.label.en);
    }
  });

  it('are each defined in the docs section', () => {
    expect(section.length).toBeGreaterThan(1000);
    expect(
      PIPELINE_FORECAST_FIGURES.filter((f) => !section.includes(`\`${f.id}\``)).map((f) => f.id),
    ).toEqual([]);
  });
});
