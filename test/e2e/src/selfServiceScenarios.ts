import path from 'node:path';
import { signedInPage } from './browser';
import { driftOf, openCarvelTab, row, TAB_TIMEOUT } from './carvelTab';
import { headOf, waitForHeadToMove } from './gitopsRepository';
import type { Scenario } from './scenarioContext';
import { APP_URL, E2E_REPO } from './stack';

const STAGING_VERSION = '20230612143000.0.0';
const PROD_VERSION = '20230502101500.0.0';

/** Promote from the tab: staging's version to prod through the pre-filled template; the open tab follows. */
const promoteStagingToProdFromTheTab: Scenario = async context => {
  const tab = await openCarvelTab(context, 'app');
  const staging = row(tab, 'staging');
  await staging
    .getByText(STAGING_VERSION)
    .first()
    .waitFor({ timeout: TAB_TIMEOUT });
  await row(tab, 'prod')
    .getByText(PROD_VERSION)
    .first()
    .waitFor({ timeout: TAB_TIMEOUT });
  const promote = staging.getByRole('button', { name: 'Promote' });
  const href = await promote.getAttribute('href');
  if (!href?.includes('/create/templates/default/carvel-promote?formData=')) {
    throw new Error(`the Promote button links to '${href}'`);
  }
  const formData = JSON.parse(
    new URL(href, APP_URL).searchParams.get('formData') ?? '{}',
  );
  if (
    formData.packageName !== 'app.default.tap' ||
    formData.from !== 'staging' ||
    formData.version !== STAGING_VERSION
  ) {
    throw new Error(`the Promote button pre-fills ${JSON.stringify(formData)}`);
  }

  const before = headOf(E2E_REPO, 'main');
  const pushed = waitForHeadToMove(E2E_REPO, 'main', before, {
    timeoutMs: 120_000,
    pollMs: 100,
  });
  pushed.catch(() => {});
  const page = await signedInPage(context.browser, APP_URL);
  await page.goto(new URL(href, APP_URL).href);
  await page
    .getByTestId('carvel-cluster-picker')
    .filter({ hasText: 'To clusters' })
    .getByTestId('carvel-cluster-prod')
    .click();
  await page.screenshot({
    path: path.join(context.artifacts, 'promote-form.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('GitOps repository').fill(E2E_REPO);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText('Files changed').first().waitFor({ timeout: 120_000 });
  const { commit } = await pushed;

  await row(tab, 'prod')
    .getByText(STAGING_VERSION)
    .first()
    .waitFor({ timeout: 60_000 });
  await row(tab, 'prod')
    .getByText('Succeeded', { exact: true })
    .waitFor({ timeout: TAB_TIMEOUT });
  await driftOf(tab, 'prod').getByText('In sync').waitFor({ timeout: 60_000 });
  await driftOf(tab, 'prod')
    .getByTestId('deployed-commit')
    .getByText(commit.slice(0, 7))
    .waitFor({ timeout: TAB_TIMEOUT });
  await tab.screenshot({
    path: path.join(context.artifacts, 'promoted-to-prod.png'),
    fullPage: true,
  });
  await page.close();
};

/** Last: they change what the demo runs. */
export const selfServiceScenarios: Array<[string, Scenario]> = [
  [
    "the tab's Promote button opens the promote template pre-filled; prod then runs staging's version, in sync, without a reload",
    promoteStagingToProdFromTheTab,
  ],
];
