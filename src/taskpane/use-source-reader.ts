import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadProgress, SourceData, TableInfo, WorkbookGateway } from './gateway';
import { summarizeRead, type ReadSummary } from './summary';

/** Which data to read: a named table, or the cells selected now. */
export type DataSource = { readonly kind: 'table'; readonly name: string } | { readonly kind: 'selection' };

export type TablesState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly tables: readonly TableInfo[] }
  | { readonly status: 'error'; readonly message: string };

export type ReadState =
  | { readonly status: 'idle' }
  | { readonly status: 'reading'; readonly progress?: ReadProgress }
  | { readonly status: 'done'; readonly summary: ReadSummary; readonly data: SourceData }
  | { readonly status: 'error'; readonly message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Lists the workbook's tables and reads a chosen source through the gateway, tracking progress
 * and errors as state the components render.
 *
 * @example
 * const { tables, read, readState } = useSourceReader(gateway, 'Current selection');
 * await read({ kind: 'table', name: 'Orders' });
 */
export function useSourceReader(gateway: WorkbookGateway, selectionLabel: string) {
  const [tables, setTables] = useState<TablesState>({ status: 'loading' });
  const [readState, setReadState] = useState<ReadState>({ status: 'idle' });
  // A read that finishes after a newer one started must not overwrite the newer result.
  const latestRead = useRef(0);

  const loadTables = useCallback(async () => {
    setTables({ status: 'loading' });
    try {
      setTables({ status: 'ready', tables: await gateway.listTables() });
    } catch (error) {
      setTables({ status: 'error', message: messageOf(error) });
    }
  }, [gateway]);

  useEffect(() => {
    void loadTables();
  }, [loadTables]);

  const read = useCallback(
    async (source: DataSource) => {
      const readId = ++latestRead.current;
      const isCurrent = () => readId === latestRead.current;
      setReadState({ status: 'reading' });
      const options = {
        onProgress: (progress: ReadProgress) => isCurrent() && setReadState({ status: 'reading', progress }),
      };
      try {
        const data =
          source.kind === 'table'
            ? await gateway.readTable(source.name, options)
            : await gateway.readSelection(options);
        const label = source.kind === 'table' ? source.name : selectionLabel;
        if (isCurrent())
          setReadState({ status: 'done', summary: summarizeRead(label, data.address, data.values), data });
      } catch (error) {
        if (isCurrent()) setReadState({ status: 'error', message: messageOf(error) });
      }
    },
    [gateway, selectionLabel],
  );

  return { tables, loadTables, readState, read };
}
