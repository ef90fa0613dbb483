import { useCallback, useEffect, useRef, useState } from 'react';
import type { SalesMetricsConfig } from '../sheets/config';
import type { WorkbookGateway } from './gateway';
import { DEFAULT_SETTINGS, type PaneState } from './model';
import { configWithPaneState, paneStateOf, type SourceChoice } from './persist';

export type SaveStatus =
  { readonly status: 'idle' | 'saving' | 'saved' } | { readonly status: 'error'; readonly message: string };

/** Changes are saved this long after the last one (each save rewrites the configuration sheet). */
const SAVE_DELAY_MS = 1500;

const EMPTY: PaneState = { settings: DEFAULT_SETTINGS, goals: [], figures: [] };

/**
 * The pane's settings, goals and figures: restored from the workbook when the pane opens, saved
 * back a moment after each change and right before a job, with the source choice of the moment;
 * `restored` is the configuration read when the pane opened.
 * @example const { state, update, save } = usePaneState(gateway, () => ({ orders: { source: 'Orders' } }));
 */
export function usePaneState(gateway: WorkbookGateway, sources: () => SourceChoice) {
  const [state, setState] = useState<PaneState | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ status: 'idle' });
  // The configuration as the workbook held it when the pane opened (where its tables are).
  const [restored, setRestored] = useState<SalesMetricsConfig | null>(null);
  const config = useRef<SalesMetricsConfig | null>(null);
  const latest = useRef<PaneState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sourcesRef = useRef(sources);
  sourcesRef.current = sources;

  useEffect(() => {
    let live = true;
    gateway
      .readConfig()
      .then((saved) => {
        if (!live) return;
        config.current = saved;
        latest.current = paneStateOf(saved);
        setState(latest.current);
        setRestored(saved);
      })
      .catch(() => {
        if (!live) return;
        latest.current = EMPTY;
        setState(EMPTY);
      });
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [gateway]);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = latest.current;
    if (!current) return;
    setSaveStatus({ status: 'saving' });
    try {
      const base = config.current ?? (await gateway.readConfig());
      const next = configWithPaneState(base, current, sourcesRef.current());
      await gateway.writeConfig(next);
      config.current = next;
      setSaveStatus({ status: 'saved' });
    } catch (error) {
      setSaveStatus({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [gateway]);

  const update = useCallback(
    (patch: Partial<PaneState>) => {
      const next = { ...(latest.current ?? EMPTY), ...patch };
      latest.current = next;
      setState(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );

  return { state, update, save, saveStatus, restored };
}
