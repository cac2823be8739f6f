import { StoredObject } from './collection';
import { metadataOf } from './objectMeta';
import { columnsFor } from './printerColumns';
import { JsonObject, ResourceType, isJsonObject } from './resources';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(
  object: JsonObject,
  includeObject: IncludeObject,
  apiVersion: string,
): JsonObject | undefined {
  if (includeObject === 'None') {
    return undefined;
  }
  if (includeObject === 'Object') {
    return object;
  }
  return {
    kind: 'PartialObjectMetadata',
    apiVersion,
    metadata: metadataOf(object),
  };
}

export interface TableOptions {
  /** meta.k8s.io/v1 or meta.k8s.io/v1beta1 */
  apiVersion: string;
  includeObject: IncludeObject;
  listMetadata: JsonObject;
  now: number;
  /** False for watch events after the first, which carry rows only. */
  includeColumnDefinitions?: boolean;
}

/** Server-side printing: what `kubectl get` asks for with `Accept: ...;as=Table;g=meta.k8s.io;v=v1`. */
export function renderTable(
  type: ResourceType,
  items: StoredObject[],
  options: TableOptions,
): JsonObject {
  const columns = columnsFor(type);
  const rows = items.map(({ object }) => {
    const safeObject = isJsonObject(object) ? object : {};
    const row: JsonObject = {
      cells: columns.map(c => c.cell(safeObject, options.now)),
    };
    const embedded = rowObject(
      safeObject,
      options.includeObject,
      options.apiVersion,
    );
    if (embedded) {
      row.object = embedded;
    }
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: options.apiVersion,
    metadata: options.listMetadata,
    columnDefinitions:
      options.includeColumnDefinitions === false
        ? null
        : columns.map(c => c.definition),
    rows,
  };
}
