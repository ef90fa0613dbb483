/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { PreviewSheet } from '../../src/taskpane/components/PreviewSheet';
import type { SheetPlan } from '../../src/sheets/plan';
import { paneDom } from '../support/pane-dom';

const dom = paneDom();

const PLAN: SheetPlan = {
  name: 'Dashboard',
  columns: [],
  cells: [
    { ref: 'A1', value: 'Revenue' },
    { ref: 'B1', value: 1398.69, format: '#,##0.00' },
    { ref: 'C1', formula: 'B1/1600', result: 0.875, format: '0.0%' },
    { ref: 'D1', value: -2.34, format: '+0.0" pp";-0.0" pp"' },
    { ref: 'E1', value: 46000, format: 'yyyy-mm-dd' },
  ],
  merges: [],
  conditionalFormats: [],
  charts: [],
  namedRanges: [],
  areas: [],
};

function shown(locale: string): string[] {
  act(() =>
    dom.root.render(
      <FluentProvider theme={webLightTheme}>
        <PreviewSheet plan={PLAN} note="" locale={locale} />
      </FluentProvider>,
    ),
  );
  return [...dom.container.querySelectorAll('td')].map((td) => td.textContent ?? '').filter(Boolean);
}

describe('PreviewSheet', () => {
  it('shows numbers, percentages and points with the pane language’s decimal mark', () => {
    expect(shown('id-ID')).toEqual(['Revenue', '1.398,69', '87,5%', '-2,3 pp', '2025-12-09']);
    expect(shown('en-US')).toEqual(['Revenue', '1,398.69', '87.5%', '-2.3 pp', '2025-12-09']);
  });
});
