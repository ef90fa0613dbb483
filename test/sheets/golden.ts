/**
 * Golden files for plans: one cell per line so a diff shows what changed on the sheet.
 * Run with `UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SheetPlan } from '../../src/sheets/plan';

export function goldenText(plan: SheetPlan): string {
  const lines = Object.entries(plan).map(([key, value]) => {
    if (!Array.isArray(value) || value.length === 0) return ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    return ` ${JSON.stringify(key)}: [\n${value.map((v) => `  ${JSON.stringify(v)}`).join(',\n')}\n ]`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Compares a plan with its golden file (writing it when asked or absent). */
export function expectGolden(plan: SheetPlan, name: string): void {
  const file = path.join(__dirname, 'golden', `${name}.json`);
  const text = goldenText(plan);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, text);
  expect(JSON.parse(text)).toEqual(plan);
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}
