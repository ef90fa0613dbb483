/**
 * The side tables as the pane chooses them: restored from the workbook's configuration, the
 * person's column choices, and saved back where the build and review jobs read them.
 */
import fc from 'fast-check';
import { ingestTable } from '../../src/core/ingest';
import type { Mapping } from '../../src/core/table';
import { defaultConfig, type SalesMetricsConfig } from '../../src/sheets/config';
import { DEFAULT_SETTINGS } from '../../src/taskpane/model';
import { configWithPaneState } from '../../src/taskpane/persist';
import {
  savedSideChoice,
  savedSource,
  sideHeaders,
  sideRoleRows,
  withSideRole,
  type SideChoice,
} from '../../src/taskpane/side-tables';
import { withOrdersSource } from '../../src/workflows/plans';

const STATE = { settings: DEFAULT_SETTINGS, goals: [], figures: [] };
const saveSide = (config = defaultConfig(), side: SideChoice) => configWithPaneState(config, STATE, { side });

describe('side tables in the configuration', () => {
  const built = withOrdersSource(
    defaultConfig(),
    { date: 'Day', amount: 'Net' },
    'Orders',
    { pipeline: 'Deals', spend: 'Spend' },
    { pipeline: { status: 'Step', value: 'Worth' } },
  );

  it('are read back as a build saved them, with the columns mapped', () => {
    expect(savedSideChoice(built)).toEqual({
      pipeline: { source: 'Deals', mapping: { status: 'Step', value: 'Worth' } },
      spend: { source: 'Spend' },
    });
    expect(savedSource(built, 'orders')).toEqual({
      source: 'Orders',
      mapping: { date: 'Day', amount: 'Net' },
    });
    expect(savedSideChoice(defaultConfig())).toEqual({});
    expect(savedSource(defaultConfig(), 'orders')).toBeUndefined();
  });

  it('are left as saved when the pane did not touch them', () => {
    expect(saveSide(built, {}).mappings).toEqual(built.mappings);
  });

  it('round-trip through the pane: chosen, mapped, then set to none', () => {
    const chosen = saveSide(built, {
      pipeline: { source: 'Deals', mapping: { status: 'Phase' } },
      targets: { source: 'Goals' },
    });
    expect(chosen.mappings.sources).toEqual({
      orders: 'Orders',
      pipeline: 'Deals',
      spend: 'Spend',
      targets: 'Goals',
    });
    expect(chosen.mappings.pipeline).toEqual({ status: 'Phase' });
    expect(chosen.mappings.targets).toBeUndefined();
    expect(savedSideChoice(chosen)).toEqual({
      pipeline: { source: 'Deals', mapping: { status: 'Phase' } },
      spend: { source: 'Spend' },
      targets: { source: 'Goals' },
    });
    // None removes the place and the mapping; the orders' mapping stays.
    const none = saveSide(chosen, { pipeline: null, spend: null });
    expect(none.mappings.sources).toEqual({ orders: 'Orders', targets: 'Goals' });
    expect(none.mappings.pipeline).toBeUndefined();
    expect(none.mappings.orders).toEqual({ date: 'Day', amount: 'Net' });
    // Another table without a mapping drops the one saved for the earlier table.
    const other = saveSide(built, { pipeline: { source: 'Opportunities' } });
    expect(other.mappings.sources?.pipeline).toBe('Opportunities');
    expect(other.mappings.pipeline).toBeUndefined();
  });

  it('ignore saved mappings that are not role → header text', () => {
    // As a hand-edited or older configuration could hold them.
    const config = {
      ...defaultConfig(),
      mappings: { sources: { pipeline: 'Deals', spend: '' }, pipeline: ['Step'] },
    } as unknown as SalesMetricsConfig;
    expect(savedSideChoice(config)).toEqual({ pipeline: { source: 'Deals' } });
  });
});

describe('withSideRole', () => {
  it('puts a header on one role at a time, and detects a role again on null', () => {
    expect(withSideRole(undefined, 'status', 'Step')).toEqual({ status: 'Step' });
    expect(withSideRole({ status: 'Step' }, 'stage', 'Step')).toEqual({ stage: 'Step' });
    expect(withSideRole({ status: 'Step', value: 'Worth' }, 'status', null)).toEqual({ value: 'Worth' });
    expect(withSideRole({ status: 'Step' }, 'status', null)).toBeUndefined();
  });

  it('never leaves two roles on one header, and keeps the role just chosen', () => {
    const roles = ['created', 'status', 'value', 'closed', 'stage'] as const;
    const headers = ['A', 'B', 'C', 'D'];
    const step = fc.tuple(fc.constantFrom(...roles), fc.option(fc.constantFrom(...headers), { nil: null }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let mapping: Mapping | undefined;
        for (const [role, header] of steps) {
          mapping = withSideRole(mapping, role, header);
          if (header === null) expect(mapping?.[role]).toBeUndefined();
          else expect(mapping?.[role]).toBe(header);
          const used = Object.values(mapping ?? {});
          expect(new Set(used).size).toBe(used.length);
        }
      }),
    );
  });
});

describe('sideRoleRows', () => {
  const DEALS = [
    ['Opened', 'Step', 'Worth'],
    ['2026-01-05', 'Won', 1200],
    ['2026-01-09', 'Lost', 800],
    ['2026-02-02', 'Open', 500],
  ];

  it('shows what detection found, and the chosen column once the table reads with it', () => {
    const headers = sideHeaders(DEALS);
    expect(headers).toEqual(['Opened', 'Step', 'Worth']);
    const guessed = ingestTable('pipeline', DEALS);
    expect(guessed.table).toBeNull();
    const before = sideRoleRows('pipeline', guessed.detection, headers, undefined);
    expect(before.find((r) => r.role === 'created')).toEqual({
      role: 'created',
      required: true,
      found: 'Opened',
    });
    expect(before.find((r) => r.role === 'status')).toEqual({ role: 'status', required: true });
    expect(before.filter((r) => r.required).map((r) => r.role)).toEqual(['created', 'status']);

    const mapping = { status: 'Step' };
    const mapped = ingestTable('pipeline', DEALS, { mapping });
    expect(mapped.report.rowsUsed).toBe(3);
    const after = sideRoleRows('pipeline', mapped.detection, headers, mapping);
    expect(after.find((r) => r.role === 'status')).toEqual({
      role: 'status',
      required: true,
      chosen: 'Step',
      found: 'Step',
    });
  });
});
