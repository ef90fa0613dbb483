/**
 * Today's date for the few functions whose `asOf` defaults to "today" (SALES.PACE). Core never
 * reads the clock; this adapter does, in the user's local time zone like Excel's TODAY().
 * Tests pass `asOf` explicitly or replace the clock with `setClock`.
 */
import { daysFromCivil } from '../core/periods';

let now: () => Date = () => new Date();

/** Today's epoch day in local time. @example todayEpochDay() // 20785 on 2026-11-28 */
export function todayEpochDay(): number {
  const date = now();
  return daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Replaces the clock (tests); call with no argument to restore the real one. */
export function setClock(clock?: () => Date): void {
  now = clock ?? (() => new Date());
}
