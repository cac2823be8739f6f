import path from 'node:path';
import type { Page } from 'playwright-core';
import { signedInPage } from './browser';
import { fillTemplate, openCarvelTab, row, TAB_TIMEOUT } from './carvelTab';
import { commitsOn } from './gitopsRepository';
import { CATALOG_OLDER_VERSION, gitopsScenarios } from './gitopsScenarios';
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

const badValuesFailBeforeAnythingIsWritten: Scenario = async context => {
  const commitsBefore = commitsOnMain();
  const page = await signedInPage(context.browser, APP_URL);
  await fillTemplate(page, {
    packageName: 'catalog.default.tap',
    stagingReplicas: 50,
  });
  await page
    .getByText('$.replicas must be <= 10', { exact: false })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.screenshot({
    path: path.join(context.artifacts, 'template-bad-values.png'),
    fullPage: true,
  });
  if (commitsOnMain() !== commitsBefore)
    throw new Error('the failed run changed the GitOps repository');
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
    stagingReplicas: 2,
    versionConstraint: CATALOG_OLDER_VERSION,
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
    'the template refuses bad values before anything is written',
    badValuesFailBeforeAnythingIsWritten,
  ],
  [
    'good values reach succeeded on the tab within 15 s, without a reload',
    goodValuesReachSucceededWithoutReload,
  ],
  [
    'an unreachable cluster turns into an error row while the other stays',
    unreachableClusterBecomesAnErrorRow,
  ],
  ...gitopsScenarios,
];
