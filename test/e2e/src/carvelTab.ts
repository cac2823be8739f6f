import type { Page } from 'playwright-core';
import { signedInPage } from './browser';
import { APP_URL, E2E_REPO } from './stack';
import type { ScenarioContext } from './scenarioContext';

export const TAB_TIMEOUT = 30_000;

export async function openCarvelTab(
  context: ScenarioContext,
  entity: string,
): Promise<Page> {
  const page = await signedInPage(context.browser, APP_URL);
  await page.goto(`${APP_URL}/catalog/default/component/${entity}/carvel`);
  return page;
}

/** The PackageInstall rows (or the error row) of a cluster, not the history's rows. */
export function row(page: Page, cluster: string) {
  return page.locator(
    `tr[data-testid^="package-install-row-${cluster}/"], tr[data-testid="cluster-error-row-${cluster}"]`,
  );
}

export function driftOf(page: Page, cluster: string) {
  return row(page, cluster).getByTestId('drift');
}

export function historyRows(page: Page) {
  return page.getByTestId('deployment-history-row');
}

export async function fillTemplate(
  page: Page,
  template: {
    packageName: string;
    stagingReplicas: number;
    versionConstraint?: string;
  },
) {
  await page.goto(`${APP_URL}/create/templates/default/carvel-delivery`);
  await page.getByLabel('Package refName').fill(template.packageName);
  if (template.versionConstraint) {
    await page
      .getByLabel('Version constraint')
      .first()
      .fill(template.versionConstraint);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('GitOps repository').fill(E2E_REPO);
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByLabel('Replicas')
    .first()
    .fill(String(template.stagingReplicas));
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
}
