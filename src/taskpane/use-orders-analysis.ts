import { useCallback, useMemo, useState } from 'react';
import type { OrderRole } from '../core/table';
import type { DateOrder } from '../core/ingest';
import { makeHeaders } from '../core/ingest';
import { analyzeOrders, firstRowOf, headerRowOf, widthOf, type OrdersAnalysis } from './analysis';
import type { SourceData } from './gateway';
import { withChoice, type MappingChoices, type RoleChoice } from './mapping';

const NO_CHOICES: MappingChoices = {};

/**
 * Ingests the data read as orders and keeps the user's mapping choices; a choice re-runs
 * ingestion. Choices are kept when the same columns are read again (a re-read after rows were
 * added); data with other columns starts again from the guesses.
 *
 * @example
 * const { analysis, choose } = useOrdersAnalysis(data);
 * choose('customer', 4); // the customer is read from the fifth column
 * choose('region', null); // no region column
 */
export function useOrdersAnalysis(
  data: SourceData | null,
  dateOrder?: DateOrder,
  /** The as-of day set in the pane; absent: the latest order date. */
  asOf?: number,
): {
  analysis: OrdersAnalysis | null;
  choose: (role: OrderRole, column: RoleChoice) => void;
} {
  const [state, setState] = useState<{ headers: string; choices: MappingChoices }>({
    headers: '',
    choices: NO_CHOICES,
  });
  const headers = data ? headerKey(data) : '';
  const choices = state.headers === headers ? state.choices : NO_CHOICES;
  const analysis = useMemo(
    () => (data ? analyzeOrders(data.values, choices, firstRowOf(data.address), dateOrder, asOf) : null),
    [data, choices, dateOrder, asOf],
  );
  const choose = useCallback(
    (role: OrderRole, column: RoleChoice) =>
      setState((s) => ({
        headers,
        choices: withChoice(s.headers === headers ? s.choices : NO_CHOICES, role, column),
      })),
    [headers],
  );
  return { analysis, choose };
}

/** The read's columns, as ingestion names them: choices carry over between reads with the same. */
function headerKey(data: SourceData): string {
  const row = headerRowOf(data.values);
  return JSON.stringify(makeHeaders(row === 'none' ? undefined : data.values[row], widthOf(data.values)));
}
