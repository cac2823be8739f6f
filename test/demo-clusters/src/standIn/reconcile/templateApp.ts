import type { App, Package, Secret } from '@carvel-gitops/plugin-carvel-common';
import type { StepResult } from './appStatus';
import { SEE_USEFUL_ERROR_MESSAGE } from './carvelStatus';
import { checkDataValues } from './checkDataValues';
import { dataValuesFiles } from './dataValues';
import { yttDataValuesError, yttYamlError } from './yttErrorReport';

type TemplateStep = {
  ytt?: { valuesFrom?: Array<{ secretRef?: { name?: string } }> };
  helmTemplate?: { valuesFrom?: Array<{ secretRef?: { name?: string } }> };
};

/** The Secrets the App's first ytt or helmTemplate step reads its values from. */
export function valuesSecretNames(app: App): string[] {
  const steps = (app.spec?.template ?? []) as TemplateStep[];
  const step = steps.find(s => s.ytt || s.helmTemplate);
  const valuesFrom = step?.ytt?.valuesFrom ?? step?.helmTemplate?.valuesFrom;
  return (valuesFrom ?? []).map(v => v.secretRef?.name ?? '');
}

/**
 * The App's template step, simulated: ytt checks the values Secrets against the schema of the
 * Package the App was made from (what the bundle holds). The error texts are kapp-controller's
 * (`Templating dir: ...`) with ytt's report as stderr.
 */
export function templateApp(
  app: App,
  pkg: Package,
  secrets: ReadonlyMap<string, Secret>,
): StepResult {
  const values = dataValuesFiles(valuesSecretNames(app), secrets);
  if (values.error !== undefined) {
    return { error: `Templating dir: ${values.error}` };
  }
  const check = checkDataValues(pkg.spec.valuesSchema?.openAPIv3, values.files);
  const stderr =
    check.yamlError !== undefined
      ? yttYamlError(check.yamlError)
      : check.failures.length > 0 && yttDataValuesError(check.failures);
  return stderr
    ? { error: `Templating dir: ${SEE_USEFUL_ERROR_MESSAGE}`, stderr }
    : {};
}
