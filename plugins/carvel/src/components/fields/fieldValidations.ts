import type { ApiHolder } from '@backstage/core-plugin-api';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  checkClusterName,
  parseStrictVersion,
  parseVersionConstraints,
  type PackageVersionDetails,
} from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef, type CarvelApi } from '../../api';
import { chooseVersion } from './chosenVersion';
import { chosenClusterNames } from './CarvelClusterPicker/clusterPickerValue';
import {
  CarvelValuesFormValue,
  findValuesFormProblems,
  readValuesFormValue,
} from './CarvelValuesForm/valuesFormValue';
import { readFormString, siblingFieldName } from './formContextValue';

/** The part of the scaffolder's validation context these read. */
interface Context {
  apiHolder: ApiHolder;
  formData: Record<string, unknown>;
  uiSchema?: { 'ui:options'?: unknown };
}

/** What the backend answers, or undefined when it cannot: the action checks again, so an outage does not block the form. */
async function ask<T>(
  apiHolder: ApiHolder,
  question: (api: CarvelApi) => Promise<T>,
): Promise<T | undefined> {
  const api = apiHolder.get(carvelApiRef);
  if (!api) return undefined;
  try {
    return await question(api);
  } catch {
    return undefined;
  }
}

function sibling(context: Context, option: string, defaultName: string) {
  const uiOptions = context.uiSchema?.['ui:options'] as
    | Record<string, unknown>
    | undefined;
  return readFormString(
    context.formData,
    siblingFieldName(uiOptions, option, defaultName),
  );
}

async function chosenVersion(
  context: Context,
  packageName: string,
  constraints: string | undefined,
): Promise<ReturnType<typeof chooseVersion> | undefined> {
  const versions = await ask<{ items: PackageVersionDetails[] }>(
    context.apiHolder,
    api => api.getPackageVersions(packageName),
  );
  return versions && chooseVersion(packageName, constraints, versions.items);
}

export const validatePackagePicker: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  if (!value) return;
  const packages = await ask(context.apiHolder, api => api.getPackages());
  if (packages && !packages.items.some(p => p.packageName === value)) {
    validation.addError(
      `${value} is not a package known from the GitOps repository or the clusters`,
    );
  }
};

export const validateVersionPicker: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  if (!value) return;
  const uiOptions = context.uiSchema?.['ui:options'] as
    | Record<string, unknown>
    | undefined;
  if (uiOptions?.allowRange === false && !parseStrictVersion(value).ok) {
    validation.addError(`Pin one version: '${value}' is not a version`);
    return;
  }
  const parsed = parseVersionConstraints(value);
  if (!parsed.ok) {
    validation.addError(
      `'${value}' is not a version constraint: ${parsed.error}`,
    );
    return;
  }
  const packageName = sibling(context, 'packageNameField', 'packageName');
  if (!packageName) return;
  const chosen = await chosenVersion(context, packageName, value);
  if (chosen && !chosen.details) {
    validation.addError(
      `No version of ${packageName} matches '${value}': ${chosen.reason}`,
    );
  }
};

export const validateClusterPicker: CustomFieldValidator<
  string[] | string
> = async (value, validation, context) => {
  const names = chosenClusterNames(value);
  for (const name of names) {
    const problem = checkClusterName(name);
    if (problem) validation.addError(problem);
  }
  const clusters = await ask(context.apiHolder, api => api.getClusters());
  const known = new Set(clusters?.items.map(c => c.name));
  for (const name of names) {
    if (clusters && !known.has(name)) {
      validation.addError(
        `Cluster '${name}' is not configured in the Carvel backend`,
      );
    }
  }
};

export const validateValuesForm: CustomFieldValidator<
  CarvelValuesFormValue
> = async (value, validation, context) => {
  const packageName = sibling(context, 'packageNameField', 'packageName');
  if (!packageName) return;
  const constraints = sibling(context, 'versionField', 'versionConstraints');
  const chosen = await chosenVersion(context, packageName, constraints);
  if (!chosen?.details) return;
  for (const problem of findValuesFormProblems(
    chosen.details.valuesSchema,
    readValuesFormValue(value),
  )) {
    validation.addError(problem.message);
  }
};
