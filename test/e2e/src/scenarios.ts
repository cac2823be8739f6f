import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signedInPage } from './browser';
import { APP_URL, DEMO_CONTROL_URL, E2E_REPO } from './stack';

export interface ScenarioContext {
  browser: Browser;
  artifacts: string;
  state: Record<string, unknown>;
}

type Scenario = (context: ScenarioContext) => Promise<void>;

const TAB_TIMEOUT = 30_000;

function commitsOnMain(): number {
  return Number(
    execFileSync('git', ['--git-dir', E2E_REPO, 'rev-list', '--count', 'main'])
      .toString()
      .trim(),
  );
}

async function openCarvelTab(
  context: ScenarioContext,
  entity: string,
): Promise<Page> {
  const page = await signedInPage(context.browser, APP_URL);
  await page.goto(`${APP_URL}/catalog/default/component/${entity}/carvel`);
  return page;
}

function row(page: Page, cluster: string) {
  return page.locator('tr', {
    has: page.locator('td', { hasText: new RegExp(`^${cluster}$`) }),
  });
}

async function fillTemplate(
  page: Page,
  packageName: string,
  stagingReplicas: number,
) {
  await page.goto(`${APP_URL}/create/templates/default/carvel-delivery`);
  await page.getByLabel('Package refName').fill(packageName);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('GitOps repository').fill(E2E_REPO);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Replicas').first().fill(String(stagingReplicas));
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
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
  await fillTemplate(page, 'catalog.default.tap', 50);
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
  await fillTemplate(page, 'catalog.default.tap', 2);
  await page.getByText('Files written').first().waitFor({ timeout: 120_000 });
  const committed = Date.now();
  await row(tab, 'staging')
    .getByText('Succeeded', { exact: true })
    .waitFor({ timeout: 15_000 });
  await row(tab, 'prod')
    .getByText('Succeeded', { exact: true })
    .waitFor({ timeout: Math.max(1000, 15_000 - (Date.now() - committed)) });
  await row(tab, 'staging').getByText('20230610120000.0.0').waitFor();
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
];
