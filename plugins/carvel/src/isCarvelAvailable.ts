import { Entity } from '@backstage/catalog-model';
import { readCarvelEntitySelection } from '@carvel-gitops/plugin-carvel-common';

/** True when the entity names at least one Carvel Package: the tab applies to it. */
export function isCarvelAvailable(entity: Entity): boolean {
  return (
    readCarvelEntitySelection(entity.metadata.annotations).packageNames.length >
    0
  );
}
