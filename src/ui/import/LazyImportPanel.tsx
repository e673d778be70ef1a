/**
 * The importer as the page mounts it: its code (with the CSV parser) loads after first paint, as
 * it starts folded, and it fills the page's one store of kept data sets.
 */
import { lazy, Suspense } from 'react';
import { DatasetStore } from './datasets';
import type { ImportPanelProps } from './ImportPanel';

/** Where imported data sets are kept: one per page, read back by the page at start too. */
export const SHELF = new DatasetStore();

const Panel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));

export function LazyImportPanel(props: Omit<ImportPanelProps, 'store'>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} store={SHELF} />
    </Suspense>
  );
}
