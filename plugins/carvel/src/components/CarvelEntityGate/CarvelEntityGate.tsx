import { ReactNode, useMemo } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ANNOTATION_CARVEL_PACKAGE_NAME,
  CarvelEntitySelection,
  carvelStatusReadPermission,
  readCarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';
import { NotAllowedEmptyState } from '../NotAllowedEmptyState';

export type CarvelEntityContent = (
  entityRef: string,
  selection: CarvelEntitySelection,
) => ReactNode;

/**
 * Renders `children` for the current entity when it names Carvel packages and the user may read
 * their status; the missing-annotation, loading, error or not-allowed state otherwise.
 */
export function CarvelEntityGate(props: { children: CarvelEntityContent }) {
  const { entity } = useEntity();
  const selection = useMemo(
    () => readCarvelEntitySelection(entity.metadata.annotations),
    [entity],
  );
  if (selection.packageNames.length === 0) {
    return (
      <MissingAnnotationEmptyState
        annotation={ANNOTATION_CARVEL_PACKAGE_NAME}
      />
    );
  }
  const entityRef = stringifyEntityRef(entity);
  // A new entity starts with state of its own (expanded rows, no stale status).
  return (
    <Permitted
      key={entityRef}
      entityRef={entityRef}
      selection={selection}
      content={props.children}
    />
  );
}

function Permitted(props: {
  entityRef: string;
  selection: CarvelEntitySelection;
  content: CarvelEntityContent;
}) {
  const permission = usePermission({
    permission: carvelStatusReadPermission,
    resourceRef: props.entityRef,
  });
  if (permission.loading) return <Progress />;
  if (permission.error) {
    return <ResponseErrorPanel error={permission.error} />;
  }
  if (!permission.allowed) return <NotAllowedEmptyState />;
  return <>{props.content(props.entityRef, props.selection)}</>;
}
