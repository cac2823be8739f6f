import { useCallback, useState } from 'react';

export interface ExpandedRows {
  isExpanded(rowId: string): boolean;
  toggle(rowId: string): void;
}

/** Which rows are open, by row id, so a refresh with new data keeps them open. */
export function useExpandedRows(): ExpandedRows {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((rowId: string) => {
    setExpanded(prev => {
      const next = new Set(prev);
      if (next.has(rowId)) {
        next.delete(rowId);
      } else {
        next.add(rowId);
      }
      return next;
    });
  }, []);
  const isExpanded = useCallback(
    (rowId: string) => expanded.has(rowId),
    [expanded],
  );
  return { isExpanded, toggle };
}
