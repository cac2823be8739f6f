import type { ConformanceRow } from './conformanceRow';
import { kappControllerRows } from './kappControllerRows';
import { quirkRows } from './quirkRows';
import { semverRangeRows } from './semverRangeRows';
import { semverVersionRows } from './semverVersionRows';

export type { ConformanceRow } from './conformanceRow';

/** kapp-controller's version selection, case by case, with where each answer comes from. */
export const kappControllerConformance: ConformanceRow[] = [
  ...semverRangeRows,
  ...semverVersionRows,
  ...kappControllerRows,
  ...quirkRows,
];
