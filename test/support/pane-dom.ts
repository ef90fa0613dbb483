/**
 * React and Fluent UI in jsdom for the pane's component tests: `act()` enabled, no layout (a
 * `ResizeObserver` stub, and a `getComputedStyle` that answers nothing — jsdom's matches every
 * stylesheet rule Fluent inserts, and popup positioning asks it for each ancestor: seconds per
 * dropdown), and a fresh container and React root for each test.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
window.getComputedStyle = () =>
  new Proxy({} as CSSStyleDeclaration, {
    get: (_, key) => (key === 'getPropertyValue' ? () => '' : ''),
  });

export interface PaneDom {
  /** This test's container, in the document. */
  readonly container: HTMLDivElement;
  /** This test's React root in it. */
  readonly root: Root;
  /** Unmounts the root and makes a new one in the same container (a pane opened again). */
  remount(): void;
}

/**
 * A container and React root made before each test and removed after it.
 * @example const dom = paneDom(); … await act(async () => dom.root.render(<App … />));
 */
export function paneDom(): PaneDom {
  let container: HTMLDivElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });
  return {
    get container() {
      return container as HTMLDivElement;
    },
    get root() {
      return root as Root;
    },
    remount() {
      act(() => root?.unmount());
      root = createRoot(container as HTMLDivElement);
    },
  };
}
