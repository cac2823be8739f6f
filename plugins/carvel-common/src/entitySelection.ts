import {
  ANNOTATION_CARVEL_CLUSTERS,
  ANNOTATION_CARVEL_NAMESPACE,
  ANNOTATION_CARVEL_PACKAGE_NAME,
} from './constants';

/** What an entity's annotations ask to show: which packages, on which clusters, in which namespace. */
export interface CarvelEntitySelection {
  packageNames: string[];
  /** Only these clusters; undefined = all. */
  clusters?: string[];
  /** Only PackageInstalls in this namespace; undefined = all. */
  namespace?: string;
}

function splitList(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function readCarvelEntitySelection(
  annotations: Record<string, string> | undefined,
): CarvelEntitySelection {
  const clusters = splitList(annotations?.[ANNOTATION_CARVEL_CLUSTERS]);
  const namespace = annotations?.[ANNOTATION_CARVEL_NAMESPACE]?.trim();
  return {
    packageNames: splitList(annotations?.[ANNOTATION_CARVEL_PACKAGE_NAME]),
    ...(clusters.length > 0 ? { clusters } : {}),
    ...(namespace ? { namespace } : {}),
  };
}
