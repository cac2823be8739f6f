import { useApi } from '@backstage/core-plugin-api';
import type { PackageVersionListResponse } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../../api';
import { useCarvelLoad } from './useCarvelLoad';

/** The versions of the package chosen in the form, highest first. */
export function usePackageVersions(packageName: string | undefined) {
  const carvelApi = useApi(carvelApiRef);
  return useCarvelLoad<PackageVersionListResponse>(packageName, name =>
    carvelApi.getPackageVersions(name),
  );
}
