import { EmptyState } from '@backstage/core-components';

/** Shown instead of the status when the permission policy denies it for this entity. */
export function NotAllowedEmptyState() {
  return (
    <EmptyState
      missing="info"
      title="You are not allowed to see the delivery status of this entity"
      description="The permission carvel.status.read is not granted to you for this entity. Ask its owners or your Backstage administrators if you need it."
    />
  );
}
