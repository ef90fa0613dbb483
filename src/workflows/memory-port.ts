/**
 * A workbook held in memory behind the `WorkbookPort`: tables given as rows, the product's sheets
 * kept as the plans last rendered (people areas merged as a real host does). The task pane's
 * preview outside Excel runs the real jobs on it, and tests use it as a third host.
 */
import type { CellValue } from '../core/cell';
import { cellsOf, parseRange } from '../sheets/a1';
import { CONFIG_SHEET_NAME, parseConfigCells, type ParsedConfig } from '../sheets/config';
import { mergePeopleAreas, type PeopleAreaContent } from '../sheets/merge';
import type { SheetPlan } from '../sheets/plan';
import type { SourceSheet, WorkbookPort } from './port';

/** A table of the in-memory workbook: its name and rows (header first), on a sheet of its name. */
export interface MemoryTable {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * An in-memory workbook.
 * @example
 * const port = new MemoryWorkbookPort('preview', [{ name: 'Orders', rows }]);
 * await buildDashboard(port, options);
 * port.sheet('Dashboard') // the plan as written
 */
export class MemoryWorkbookPort implements WorkbookPort {
  private readonly written = new Map<string, SheetPlan>();

  constructor(
    readonly label: string,
    private readonly tables: readonly MemoryTable[],
  ) {}

  /** A product sheet as last written, or undefined. */
  sheet(name: string): SheetPlan | undefined {
    return this.written.get(name);
  }

  async listSources(): Promise<SourceSheet[]> {
    return this.tables.map((table) => ({
      name: table.name,
      kind: 'sheet' as const,
      hidden: false,
      origin: { sheet: table.name, row: 1, column: 1 },
      rows: async (limit?: number) => table.rows.slice(0, limit ?? table.rows.length).map((row) => [...row]),
    }));
  }

  async sheetNames(): Promise<string[]> {
    return [...this.tables.map((t) => t.name), ...this.written.keys()];
  }

  async readPeopleArea(sheet: string, area: string): Promise<PeopleAreaContent | undefined> {
    const plan = this.written.get(sheet);
    const found = plan?.areas.find((a) => a.owner === 'people' && a.name === area);
    const range = found && parseRange(found.ref);
    if (!plan || !found || !range) return undefined;
    const byRef = new Map(plan.cells.map((c) => [c.ref, c]));
    return {
      name: area,
      ref: found.ref,
      cells: cellsOf(range).map((ref) => {
        const cell = byRef.get(ref);
        return {
          ref,
          value: cell?.value ?? null,
          ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
          ...(cell?.format ? { format: cell.format } : {}),
        };
      }),
    };
  }

  async readConfig(): Promise<ParsedConfig> {
    const plan = this.written.get(CONFIG_SHEET_NAME);
    if (!plan) return parseConfigCells([], undefined);
    const column: unknown[] = [];
    for (const cell of plan.cells) {
      const m = /^A(\d+)$/.exec(cell.ref);
      if (m) column[Number(m[1]) - 1] = cell.value;
    }
    return parseConfigCells(column, plan.cells.find((c) => c.ref === 'B1')?.value);
  }

  async render(plans: readonly SheetPlan[]): Promise<void> {
    for (const plan of plans) {
      const typed: PeopleAreaContent[] = [];
      for (const area of plan.areas) {
        if (area.owner !== 'people' || !area.name) continue;
        const content = await this.readPeopleArea(plan.name, area.name);
        if (content) typed.push(content);
      }
      this.written.set(plan.name, mergePeopleAreas(plan, typed));
    }
  }

  /** Types a value into a product sheet's cell, as a person would. */
  type(sheet: string, ref: string, value: CellValue): void {
    const plan = this.written.get(sheet);
    if (!plan) throw new Error(`no sheet ${sheet}`);
    const plain = value instanceof Date ? value.getTime() / 86400000 + 25569 : value;
    const cells = plan.cells.filter((c) => c.ref !== ref);
    this.written.set(sheet, { ...plan, cells: [...cells, { ref, value: plain }] });
  }
}
