/**
 * The Excel host's wiring for the product's jobs: the plan renderer with what this host supports,
 * and the workbook's name for the sheets' header line.
 */
import { detectCapabilities } from './capabilities';
import type { PlanRenderer } from './port';
import { renderPlansInExcel } from './render';

/** The plan renderer for this host (its optional features asked once). */
export function excelRenderer(): PlanRenderer {
  const capabilities = detectCapabilities();
  return (context, plans) => renderPlansInExcel(context, plans, { capabilities });
}

/** The open workbook's file name, or a plain name when Office does not tell it (a new workbook). */
export function workbookLabel(): string {
  try {
    const url = Office.context?.document?.url ?? '';
    const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? '').trim();
    return name || 'this workbook';
  } catch {
    return 'this workbook';
  }
}
