import { useCallback, useMemo, useState } from 'react';
import type { OrderRole } from '../core/table';
import { analyzeOrders, firstRowOf, type OrdersAnalysis } from './analysis';
import type { SourceData } from './gateway';
import { withChoice, type MappingChoices, type RoleChoice } from './mapping';

const NO_CHOICES: MappingChoices = {};

/**
 * Ingests the data read as orders and keeps the user's mapping choices; a choice re-runs
 * ingestion. Choices belong to one read: new data starts again from the guesses.
 *
 * @example
 * const { analysis, choose } = useOrdersAnalysis(data);
 * choose('customer', 4); // the customer is read from the fifth column
 * choose('region', null); // no region column
 */
export function useOrdersAnalysis(data: SourceData | null): {
  analysis: OrdersAnalysis | null;
  choose: (role: OrderRole, column: RoleChoice) => void;
} {
  const [state, setState] = useState<{ data: SourceData | null; choices: MappingChoices }>({
    data: null,
    choices: NO_CHOICES,
  });
  const choices = state.data === data ? state.choices : NO_CHOICES;
  const analysis = useMemo(
    () => (data ? analyzeOrders(data.values, choices, firstRowOf(data.address)) : null),
    [data, choices],
  );
  const choose = useCallback(
    (role: OrderRole, column: RoleChoice) =>
      setState((s) => ({
        data,
        choices: withChoice(s.data === data ? s.choices : NO_CHOICES, role, column),
      })),
    [data],
  );
  return { analysis, choose };
}
