/**
 * The configuration sheet in an ExcelJS workbook: written through the ordinary plan renderer
 * (very hidden `_sales_metrics`), read back from column A. Reading never throws.
 */
import type ExcelJS from 'exceljs';
import {
  CONFIG_SHEET_NAME,
  configSheetPlan,
  parseConfig,
  parseConfigCells,
  type ParsedConfig,
  type SalesMetricsConfig,
} from '../sheets/config';
import { renderSheetPlan } from './render';

/**
 * Writes (or replaces) the very hidden config sheet.
 * @example writeConfigSheet(wb, { ...defaultConfig(), cadences: { revenue: 'day' } });
 */
export function writeConfigSheet(workbook: ExcelJS.Workbook, config: SalesMetricsConfig): void {
  renderSheetPlan(workbook, configSheetPlan(config));
}

function cellText(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v !== null && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  }
  return v;
}

/**
 * Reads the config back; a missing sheet or damaged content gives defaults and a warning.
 * @example const { config, warning } = readConfigSheet(wb);
 */
export function readConfigSheet(workbook: ExcelJS.Workbook): ParsedConfig {
  const ws = workbook.getWorksheet(CONFIG_SHEET_NAME);
  if (!ws) return parseConfig(undefined);
  const columnA: unknown[] = [];
  for (let row = 1; row <= ws.rowCount; row++) columnA.push(cellText(ws.getCell(row, 1)));
  return parseConfigCells(columnA, ws.getCell(1, 2).value);
}
