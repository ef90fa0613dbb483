/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, useState } from 'react';
import { ingestOrders } from '../../src/core/ingest';
import type { MetricId } from '../../src/core/metrics';
import { calendarOf, parseDay } from '../../src/core/periods';
import { GoalsStep, type GoalsStepProps } from '../../src/taskpane/components/GoalsStep';
import { benchmarkText, industryFigures } from '../../src/taskpane/components/goals/BenchmarkPanel';
import type { GoalRow, OwnFigure } from '../../src/taskpane/model';
import { goalsStrings } from '../../src/taskpane/strings-goals';
import { makeEvaluate } from '../../src/workflows/evaluate';
import { paneDom } from '../support/pane-dom';

const dom = paneDom();

const calendar = calendarOf();
const asOf = parseDay('2026-03-01')!;
/** 2025: Jan 100, Feb 300, Mar 100, Nov 50 = 550. */
const orders = ingestOrders([
  ['Date', 'Amount', 'Customer', 'Rep'],
  ['2025-01-15', 100, 'C1', 'Ani'],
  ['2025-02-10', 300, 'C2', 'Budi'],
  ['2025-03-20', 100, 'C1', 'Ani'],
  ['2025-11-03', 50, 'C3', 'Budi'],
]).table!;
const evaluate = (metric: MetricId) => makeEvaluate({ orders }, metric, { asOf, calendar });

let goalCalls: GoalRow[][];
let figureCalls: OwnFigure[][];
let industryCalls: (string | undefined)[];

beforeEach(() => {
  goalCalls = [];
  figureCalls = [];
  industryCalls = [];
});

type Setup = Partial<Pick<GoalsStepProps, 'goals' | 'figures' | 'industry' | 'evaluate' | 'scopes'>>;

/** The step with its state held the way the pane holds it, every callback recorded. */
function Harness({ language, setup }: { language: string; setup: Setup }) {
  const [goals, setGoals] = useState(setup.goals ?? []);
  const [figures, setFigures] = useState(setup.figures ?? []);
  const [industry, setIndustry] = useState(setup.industry);
  return (
    <GoalsStep
      strings={goalsStrings(language)}
      locale={language}
      calendar={calendar}
      asOf={asOf}
      goals={goals}
      onGoalsChange={(next) => (goalCalls.push(next), setGoals(next))}
      figures={figures}
      onFiguresChange={(next) => (figureCalls.push(next), setFigures(next))}
      onIndustryChange={(next) => (industryCalls.push(next), setIndustry(next))}
      available={['revenue', 'orders', 'aov', 'customers']}
      {...(industry ? { industry } : {})}
      {...(setup.evaluate ? { evaluate: setup.evaluate } : {})}
      {...(setup.scopes ? { scopes: setup.scopes } : {})}
    />
  );
}

async function render(setup: Setup = {}, language = 'en-US') {
  await act(async () => {
    dom.root.render(
      <FluentProvider theme={webLightTheme}>
        <Harness language={language} setup={setup} />
      </FluentProvider>,
    );
  });
}

const text = () => dom.container.textContent ?? '';
const within = (selector: string) => dom.container.querySelector(selector) as HTMLElement;
const goal = (id: string) => within(`[data-goal="${id}"]`);
const button = (label: string, scope: ParentNode = dom.container) =>
  [...scope.querySelectorAll('button')].find(
    (b) => b.textContent === label || b.getAttribute('aria-label') === label,
  ) as HTMLButtonElement;
/** The control a field's visible label names. */
function control<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string): T {
  const found = [...scope.querySelectorAll('label')].find((l) => l.textContent === label);
  return document.getElementById(found!.htmlFor) as T;
}
const lastGoals = () => goalCalls[goalCalls.length - 1];
const lastFigures = () => figureCalls[figureCalls.length - 1];

async function click(element: HTMLElement) {
  await act(async () => element.click());
}

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Focus and leave a field without typing, as a keyboard user tabbing through does. */
async function leave(input: HTMLInputElement) {
  await act(async () => {
    input.focus();
    input.blur();
  });
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('GoalsStep', () => {
  it('renders the goals and the benchmarks, empty at first', async () => {
    await render();
    expect(within('h2').textContent).toBe('Goals & benchmarks');
    expect(text()).toContain('No goals yet.');
    expect(button('Add goal')).toBeTruthy();
    expect(control<HTMLSelectElement>(dom.container, 'Industry').value).toBe('');
  });

  it('adds a goal by typing, and sends it out once valid', async () => {
    await render();
    await click(button('Add goal'));
    const row = goal('goal-1');
    // A new goal starts on the first metric the data has, for the as-of year; it needs a target.
    expect(control<HTMLSelectElement>(row, 'Metric').value).toBe('revenue');
    expect(control(row, 'Period').value).toBe('2026');
    expect(goalCalls).toEqual([]);
    await choose(control<HTMLSelectElement>(row, 'Metric'), 'orders');
    await type(control(row, 'Period'), 'q4 2026');
    expect(row.textContent).toContain('Q4 2026');
    // In English 1.250 is one and a quarter: not a whole number of orders.
    await type(control(row, 'Target'), '1.250');
    expect(row.textContent).toContain('Must be a whole number.');
    expect(goalCalls).toEqual([]);
    await type(control(row, 'Target'), '1,250');
    expect(lastGoals()).toEqual([{ id: 'goal-1', metric: 'orders', period: '2026-Q4', target: 1250 }]);
    // Metrics the data cannot compute are still offered, marked.
    const options = [...control<HTMLSelectElement>(row, 'Metric').options].map((o) => o.textContent);
    expect(options).toContain('Win rate (needs data)');
    expect(options).toContain('Revenue');
  });

  it('shows a bad number beside its field, marks it invalid and never sends it', async () => {
    await render({ goals: [{ id: 'goal-1', metric: 'revenue', period: '2026', target: 500 }] });
    const target = control(goal('goal-1'), 'Target');
    await type(target, '12x');
    expect(target.getAttribute('aria-invalid')).toBe('true');
    const alert = [...goal('goal-1').querySelectorAll('[role="alert"]')].map((a) => a.textContent);
    expect(alert).toContain('Not a number. Type it like 1,250,000 or 1.250.000.');
    expect(lastGoals()).toEqual([]);
    // The typed text stays to be corrected; correcting it sends the goal again.
    expect(target.value).toBe('12x');
    await type(target, '1,250,000');
    expect(lastGoals()).toEqual([{ id: 'goal-1', metric: 'revenue', period: '2026', target: 1_250_000 }]);
    // A rate reads the same text in percent: the row says why it is no longer sent.
    await choose(control<HTMLSelectElement>(goal('goal-1'), 'Metric'), 'win_rate');
    expect(goal('goal-1').textContent).toContain('Cannot be more than 100%.');
    expect(lastGoals()).toEqual([]);
  });

  it('removes a goal', async () => {
    await render({
      goals: [
        { id: 'goal-1', metric: 'revenue', period: '2026', target: 500 },
        { id: 'goal-2', metric: 'orders', period: '2026', target: 40 },
      ],
    });
    await click(button('Remove goal 1'));
    expect(lastGoals()).toEqual([{ id: 'goal-2', metric: 'orders', period: '2026', target: 40 }]);
    expect(goal('goal-1')).toBeNull();
    expect(document.activeElement).toBe(button('Add goal'));
  });

  it('sets a target from last year plus growth, with its basis, and refuses a year without data', async () => {
    await render({ goals: [{ id: 'goal-1', metric: 'revenue', period: '2026', target: 1 }], evaluate });
    const row = goal('goal-1');
    const toggle = button('Set from data, split', row);
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await type(control(row, 'Growth %'), '10');
    await click(button('From last year', row));
    expect(control(row, 'Target').value).toBe('605');
    expect(row.textContent).toContain('Based on 2025 + 10 %');
    expect(lastGoals()).toEqual([
      { id: 'goal-1', metric: 'revenue', period: '2026', target: 605, basis: '2025 + 10 %' },
    ]);
    // 2024 has no orders: no baseline, and the target is left alone.
    await type(control(row, 'Period'), '2025');
    await click(button('From last year', row));
    expect(row.textContent).toContain('No baseline: the data has nothing for 2024.');
    expect(control(row, 'Target').value).toBe('605');
    expect(row.textContent).not.toContain('Based on');
  });

  it('says the data must be read before a target can come from last year', async () => {
    await render({ goals: [{ id: 'goal-1', metric: 'revenue', period: '2026', target: 1 }] });
    await click(button('Set from data, split', goal('goal-1')));
    await click(button('From last year', goal('goal-1')));
    expect(goal('goal-1').textContent).toContain('first read data that can compute this metric');
  });

  it('previews the split evenly and like last year', async () => {
    await render({ goals: [{ id: 'goal-1', metric: 'revenue', period: '2026-Q1', target: 1000 }], evaluate });
    await click(button('Set from data, split', goal('goal-1')));
    const preview = within('[data-testid="split-preview"]');
    const rows = () => [...preview.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(rows()).toEqual(['Jan 2026344.45', 'Feb 2026311.11', 'Mar 2026344.44', 'Total1,000.00']);
    await choose(control<HTMLSelectElement>(preview, 'How'), 'seasonal');
    expect(rows()).toEqual(['Jan 2026200.00', 'Feb 2026600.00', 'Mar 2026200.00', 'Total1,000.00']);
    await choose(control<HTMLSelectElement>(preview, 'Split into'), 'week');
    expect(rows()).toHaveLength(14 + 1);
  });

  it('does not split a customers goal, and says why', async () => {
    await render({
      goals: [{ id: 'goal-1', metric: 'customers', period: '2026-Q4', target: 400 }],
      evaluate,
    });
    await click(button('Set from data, split', goal('goal-1')));
    const preview = within('[data-testid="split-preview"]');
    expect(preview.textContent).toContain('do not add up over months or weeks: the goal is not split');
    expect(preview.querySelector('tbody')).toBeNull();
  });

  it('picks an industry, lists its figures with sources, and sets a target from it', async () => {
    await render({
      goals: [
        { id: 'goal-1', metric: 'churn_rate', period: '2026', target: 0.2 },
        { id: 'goal-2', metric: 'win_rate', period: '2026', target: 0.1 },
      ],
    });
    await choose(control<HTMLSelectElement>(dom.container, 'Industry'), 'b2b-saas');
    expect(industryCalls).toEqual(['b2b-saas']);
    const list = within('[data-testid="industry-figures"]');
    expect(list.textContent).toContain('LTV:CAC≥ 3×');
    expect(list.textContent).toContain('David Skok, "SaaS Metrics 2.0" (For Entrepreneurs) 2013');
    expect(list.textContent).toContain('Churn rate3%–5% per month');
    await click(button('Set from data, split', goal('goal-1')));
    await click(button('From benchmark', goal('goal-1')));
    expect(control(goal('goal-1'), 'Target').value).toBe('10');
    expect(lastGoals()[0]).toMatchObject({
      target: 0.1,
      basis: 'Private SaaS company survey (median annual unit churn), as quoted by Insivia 2016',
    });
    // A win rate over all opportunities is not one over closed deals: no target, and why.
    await click(button('Set from data, split', goal('goal-2')));
    await click(button('From benchmark', goal('goal-2')));
    expect(control(goal('goal-2'), 'Target').value).toBe('10');
    expect(goal('goal-2').textContent).toContain('B2B SaaS has no figure for Win rate.');
    expect(goal('goal-2').textContent).toContain('measures won ÷ all opportunities, open ones included');
    await choose(control<HTMLSelectElement>(dom.container, 'Industry'), '');
    expect(industryCalls).toEqual(['b2b-saas', undefined]);
    expect(dom.container.querySelector('[data-testid="industry-figures"]')).toBeNull();
  });

  it('adds a competitor figure once it has a value and a source', async () => {
    await render();
    await click(button('Add figure'));
    const row = within('[data-figure="figure-1"]');
    await choose(control<HTMLSelectElement>(row, 'Metric'), 'aov');
    await choose(control<HTMLSelectElement>(row, 'Whose'), 'competitor');
    await type(control(row, 'Value'), '120.5');
    expect(figureCalls).toEqual([]);
    await leave(control(row, 'Source'));
    expect(row.textContent).toContain('Say where the figure comes from.');
    await type(control(row, 'Source'), 'Rival Ltd annual report 2025');
    expect(lastFigures()).toEqual([
      {
        id: 'figure-1',
        metric: 'aov',
        value: 120.5,
        kind: 'competitor',
        source: 'Rival Ltd annual report 2025',
      },
    ]);
    await click(button('Remove figure 1'));
    expect(lastFigures()).toEqual([]);
  });

  it('offers the reps and regions seen as scopes', async () => {
    await render({
      goals: [{ id: 'goal-1', metric: 'revenue', period: '2026', target: 5 }],
      scopes: { reps: ['Ani'], regions: ['West'] },
    });
    const scope = control<HTMLSelectElement>(goal('goal-1'), 'For');
    expect([...scope.options].map((o) => o.textContent)).toEqual([
      'Whole business',
      'Rep: Ani',
      'Region: West',
    ]);
    await choose(scope, 'region:West');
    expect(lastGoals()).toEqual([
      { id: 'goal-1', metric: 'revenue', period: '2026', scope: { region: 'West' }, target: 5 },
    ]);
  });

  it('speaks Indonesian and writes numbers the Indonesian way', async () => {
    await render(
      { goals: [{ id: 'goal-1', metric: 'revenue', period: '2026-Q4', target: 1_250_000 }], evaluate },
      'id-ID',
    );
    expect(within('h2').textContent).toBe('Target & tolok ukur');
    expect(button('Tambah target')).toBeTruthy();
    const row = goal('goal-1');
    expect(control(row, 'Nilai target').value).toBe('1.250.000');
    expect(row.textContent).toContain('Kuartal 4 2026');
    expect(control<HTMLSelectElement>(row, 'Metrik').selectedOptions[0].textContent).toBe('Pendapatan');
    await click(button('Isi dari data, bagi', row));
    expect(within('[data-testid="split-preview"]').textContent).toContain('Okt 2026421.195,65');
    await type(control(row, 'Pertumbuhan %'), '12,5');
    await type(control(row, 'Periode'), '2026');
    await click(button('Dari tahun lalu', row));
    // 2025 = 550 → × 1,125 = 618,75 → 618,8.
    expect(control(row, 'Nilai target').value).toBe('618,8');
    expect(row.textContent).toContain('Berdasarkan 2025 + 12,5 %');
    await type(control(row, 'Nilai target'), 'dua juta');
    expect(row.textContent).toContain('Bukan angka.');
  });
});

describe('benchmark figures in words', () => {
  const en = goalsStrings('en');
  const id = goalsStrings('id');

  it('writes ranges, open ends, units and periods', () => {
    expect(benchmarkText({ min: 0.03, max: 0.05, unit: 'ratio', period: 'month' }, 'en-US', en)).toBe(
      '3%–5% per month',
    );
    expect(benchmarkText({ min: 3, unit: 'multiple' }, 'en-US', en)).toBe('≥ 3×');
    expect(benchmarkText({ max: 12, unit: 'months' }, 'id-ID', id)).toBe('≤ 12 bulan');
    expect(benchmarkText({ value: 0.0295, unit: 'ratio' }, 'id-ID', id)).toBe('2,95%');
  });

  it('lists an industry’s figures with source and year, in the pane’s language', () => {
    const lines = industryFigures('b2b-saas', 'en-US', en);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ metricLabel: 'LTV:CAC', figure: '≥ 3×' });
    expect(lines[0].source).toMatch(/^David Skok, .* 2013$/);
    expect(industryFigures('b2b-saas', 'id-ID', id)[1]).toMatchObject({
      metricLabel: 'Pengembalian CAC (bulan)',
      figure: '≤ 12 bulan',
    });
    expect(industryFigures('no-such-industry', 'en-US', en)).toEqual([]);
  });
});
