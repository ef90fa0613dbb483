/**
 * Events and recalculation for the recording fake, as the custom functions' Excel host uses them:
 * `table.onChanged.add(handler)` (ExcelApi 1.7) registered when the batch syncs, its
 * `EventHandlerResult.remove()` in a later batch of the same context, and
 * `application.calculate(type)`. A test fires a table's change with `fireTableChanged`, as a
 * person editing the table would; the fake runs the handlers that are registered then.
 * Import this file (for its side effects) next to `test/support/excel-fake`.
 */
import { FakeApplication } from './objects-sheet';
import { FakeTable } from './objects-table-chart';
import type { FakeContext } from './proxy';
import type { TableState, WorkbookState } from './state';

type Handler = (args: TableChangedArgs) => Promise<unknown>;

/** What Excel passes a table's change handler (the parts the add-in might read). */
export interface TableChangedArgs {
  readonly type: 'TableChanged';
  readonly tableId: string;
  readonly changeType: string;
  readonly address: string;
  readonly source: 'Local' | 'Remote';
}

const handlers = new WeakMap<TableState, Set<Handler>>();
const calculations = new WeakMap<WorkbookState, string[]>();

declare module './objects-table-chart' {
  interface FakeTable {
    readonly onChanged: FakeTableChangedEvent;
  }
}
declare module './objects-sheet' {
  interface FakeApplication {
    calculate(type: string): void;
  }
}

/** The handle `add` returns: `remove()` takes effect when its context syncs. */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeContext,
    private readonly table: FakeTable,
    private readonly handler: Handler,
  ) {}

  remove(): void {
    this.context.enqueue('EventHandlerResult.remove', this.table.path, [], () => {
      handlers.get(this.table.target())?.delete(this.handler);
    });
  }
}

export class FakeTableChangedEvent {
  constructor(private readonly table: FakeTable) {}

  add(handler: Handler): FakeEventHandlerResult {
    this.table.queue(
      'TableChangedEvent.add',
      [],
      () => {
        const target = this.table.target();
        const set = handlers.get(target) ?? new Set<Handler>();
        set.add(handler);
        handlers.set(target, set);
      },
      '1.7',
    );
    return new FakeEventHandlerResult(this.table.context, this.table, handler);
  }
}

Object.defineProperty(FakeTable.prototype, 'onChanged', {
  configurable: true,
  get(this: FakeTable) {
    return new FakeTableChangedEvent(this);
  },
});

FakeApplication.prototype.calculate = function calculate(this: FakeApplication, type: string): void {
  this.queue('Application.calculate', [type], () => {
    const state = this.context.state;
    calculations.set(state, [...(calculations.get(state) ?? []), type]);
  });
};

/** Handlers registered on a table now. */
export function tableHandlers(state: WorkbookState, tableName: string): number {
  const table = state.tables().find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  return table ? (handlers.get(table)?.size ?? 0) : 0;
}

/** Runs the table's change handlers, as Excel does after a person edits it. */
export async function fireTableChanged(state: WorkbookState, tableName: string, address = ''): Promise<void> {
  const table = state.tables().find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!table) throw new Error(`The fake workbook has no table "${tableName}"`);
  const args: TableChangedArgs = {
    type: 'TableChanged',
    tableId: table.id,
    changeType: 'RangeEdited',
    address,
    source: 'Local',
  };
  await Promise.all([...(handlers.get(table) ?? [])].map((handler) => handler(args)));
}

/** The calculations asked of the workbook (`Full`, `Recalculate`…), in order. */
export function calculationsOf(state: WorkbookState): string[] {
  return calculations.get(state) ?? [];
}
