import { useCallback, useMemo, useState } from 'react';
import type { OrderRole } from '../core/table';
import type { DateOrder } from '../core/ingest';
import { makeHeaders } from '../core/ingest';
import { analyzeOrders, firstRowOf, headerRowOf, widthOf, type OrdersAnalysis } from './analysis';
import type { SourceData } from './gateway';
import { choicesOfMapping, withChoice, type MappingChoices, type RoleChoice } from './mapping';
import type { Mapping } from '../core/table';

const NO_CHOICES: MappingChoices = {};

/**
 * Ingests the data read as orders and keeps the user's mapping choices; a choice re-runs
 * ingestion. Choices are kept when the same columns are read again (a re-read after rows were
 * added); data with other columns starts again from the saved mapping (the columns it names that
 * are still there), else from the guesses.
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
  /** The mapping the workbook saved for this source, if it is the saved one. */
  saved?: Mapping,
): {
  analysis: OrdersAnalysis | null;
  choose: (role: OrderRole, column: RoleChoice) => void;
} {
  const [state, setState] = useState<{ headers: string; choices: MappingChoices }>({
    headers: '',
    choices: NO_CHOICES,
  });
  const columns = useMemo(() => (data ? headersOf(data) : []), [data]);
  const headers = JSON.stringify(columns);
  const start = useMemo(() => (saved ? choicesOfMapping(saved, columns) : NO_CHOICES), [saved, columns]);
  const choices = state.headers === headers ? state.choices : start;
  const analysis = useMemo(
    () => (data ? analyzeOrders(data.values, choices, firstRowOf(data.address), dateOrder, asOf) : null),
    [data, choices, dateOrder, asOf],
  );
  const choose = useCallback(
    (role: OrderRole, column: RoleChoice) =>
      setState((s) => ({
        headers,
        choices: withChoice(s.headers === headers ? s.choices : start, role, column),
      })),
    [headers, start],
  );
  return { analysis, choose };
}

/** The read's columns, as ingestion names them: choices carry over between reads with the same. */
function headersOf(data: SourceData): string[] {
  const row = headerRowOf(data.values);
  return makeHeaders(row === 'none' ? undefined : data.values[row], widthOf(data.values));
}
