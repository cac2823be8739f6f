import path from 'node:path';
import type { Page } from 'playwright-core';
import { signedInPage } from './browser';
import { fillTemplate, openCarvelTab, row, TAB_TIMEOUT } from './carvelTab';
import { commitsOn } from './gitopsRepository';
import { CATALOG_OLDER_VERSION, gitopsScenarios } from './gitopsScenarios';
import { selfServiceScenarios } from './selfServiceScenarios';
import type { Scenario } from './scenarioContext';
import { APP_URL, DEMO_CONTROL_URL, E2E_REPO } from './stack';

export type { ScenarioContext } from './scenarioContext';

function commitsOnMain(): number {
  return commitsOn(E2E_REPO, 'main');
}

const carvelTabShowsBothClusters: Scenario = async context => {
  const page = await openCarvelTab(context, 'app');
  await row(page, 'staging')
    .getByText('20230612143000.0.0')
    .first()
    .waitFor({ timeout: TAB_TIMEOUT });
  await row(page, 'prod')
    .getByText('20230502101500.0.0')
    .first()
    .waitFor({ timeout: TAB_TIMEOUT });
  await row(page, 'prod')
    .getByText('update available → 20230612143000.0.0')
    .waitFor();
  await page.screenshot({
    path: path.join(context.artifacts, 'carvel-tab.png'),
  });
  context.state.appTab = page;
};

const badValuesAreRefusedAsTheUserTypes: Scenario = async context => {
  const commitsBefore = commitsOnMain();
  const page = await signedInPage(context.browser, APP_URL);
  await page.goto(`${APP_URL}/create/templates/default/carvel-delivery`);
  await page.getByRole('option', { name: /^catalog\.default\.tap/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('GitOps repository').fill(E2E_REPO);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: /^staging/ }).check();
  await page.getByLabel(/^Replicas/).fill('50');
  await page
    .getByTestId('carvel-values-form')
    .getByText('must be <= 10', { exact: false })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({
    path: path.join(context.artifacts, 'template-bad-values.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Review' }).click();
  const reachedReview = await page
    .getByRole('button', { name: 'Create' })
    .waitFor({ timeout: 3000 })
    .then(
      () => true,
      () => false,
    );
  if (reachedReview)
    throw new Error('the form let bad values through to Review');
  if (commitsOnMain() !== commitsBefore)
    throw new Error('the refused form changed the GitOps repository');
  await page.close();
};

const goodValuesReachSucceededWithoutReload: Scenario = async context => {
  const tab = await openCarvelTab(context, 'catalog-service');
  await tab
    .getByText('No PackageInstall', { exact: false })
    .first()
    .waitFor({ timeout: TAB_TIMEOUT });
  const page = await signedInPage(context.browser, APP_URL);
  await fillTemplate(page, {
    packageName: 'catalog.default.tap',
    replicas: 2,
    pinVersion: CATALOG_OLDER_VERSION,
    screenshot: path.join(context.artifacts, 'template-form.png'),
  });
  await page.getByText('Files written').first().waitFor({ timeout: 120_000 });
  const committed = Date.now();
  await row(tab, 'staging')
    .getByText('Succeeded', { exact: true })
    .waitFor({ timeout: 15_000 });
  await row(tab, 'prod')
    .getByText('Succeeded', { exact: true })
    .waitFor({ timeout: Math.max(1000, 15_000 - (Date.now() - committed)) });
  await row(tab, 'staging').getByText(CATALOG_OLDER_VERSION).first().waitFor();
  await tab.screenshot({
    path: path.join(context.artifacts, 'new-install-succeeded.png'),
  });
};

const unreachableClusterBecomesAnErrorRow: Scenario = async context => {
  const page =
    (context.state.appTab as Page | undefined) ??
    (await openCarvelTab(context, 'app'));
  await fetch(`${DEMO_CONTROL_URL}/clusters/prod/unreachable`, {
    method: 'POST',
  });
  try {
    await row(page, 'prod')
      .getByText('unreachable', { exact: false })
      .first()
      .waitFor({ timeout: TAB_TIMEOUT });
    await row(page, 'staging')
      .getByText('20230612143000.0.0')
      .first()
      .waitFor();
    await page.screenshot({
      path: path.join(context.artifacts, 'cluster-unreachable.png'),
    });
  } finally {
    await fetch(`${DEMO_CONTROL_URL}/clusters/prod/reachable`, {
      method: 'POST',
    });
  }
};

export const scenarios: Array<[string, Scenario]> = [
  [
    "the app entity's Carvel tab shows both clusters' versions",
    carvelTabShowsBothClusters,
  ],
  [
    'the template form refuses bad values as they are typed; nothing is written',
    badValuesAreRefusedAsTheUserTypes,
  ],
  [
    'the template filled with its pickers only reaches succeeded on the tab within 15 s, without a reload',
    goodValuesReachSucceededWithoutReload,
  ],
  [
    'an unreachable cluster turns into an error row while the other stays',
    unreachableClusterBecomesAnErrorRow,
  ],
  ...gitopsScenarios,
  ...selfServiceScenarios,
];
