import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signedInPage } from './browser';
import {
  backstageToken,
  driftOf,
  fillTemplate,
  historyRows,
  openCarvelTab,
  row,
  TAB_TIMEOUT,
  waitForDesiredCommit,
} from './carvelTab';
import {
  commitBySomeoneElse,
  hasFile,
  headOf,
  waitForHeadToMove,
} from './gitopsRepository';
import type { Scenario, ScenarioContext } from './scenarioContext';
import { APP_URL, E2E_DATA, E2E_REPO } from './stack';

export const CATALOG_OLDER_VERSION = '20230401090000.0.0';
const CATALOG_NEWEST_VERSION = '20230610120000.0.0';
/** How often the backend checks the head of a local repository (carvel.gitops.headPollSeconds). */
const HEAD_POLL_MS = 2000;
const DRIFT_WITHIN_MS = 2000;

function short(commit: string) {
  return commit.slice(0, 7);
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function kubectl(cluster: string, args: string[]) {
  const kubeconfig = path.join(
    E2E_DATA,
    'demo-clusters',
    `${cluster}.kubeconfig`,
  );
  return execFileSync('kubectl', ['--kubeconfig', kubeconfig, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  }).toString();
}

async function runTemplateAndWait(
  context: ScenarioContext,
  template: Parameters<typeof fillTemplate>[1],
) {
  const page = await signedInPage(context.browser, APP_URL);
  await fillTemplate(page, template);
  await page.getByText('Files written').first().waitFor({ timeout: 120_000 });
  await page.close();
}

/** Runs the template for catalog.default.tap at the older version unless an earlier scenario did. */
async function ensureCatalogDelivered(context: ScenarioContext, tab: Page) {
  if (!hasFile(E2E_REPO, 'main', 'catalog.default.tap/apps/staging.yaml')) {
    await runTemplateAndWait(context, {
      packageName: 'catalog.default.tap',
      replicas: 2,
      pinVersion: CATALOG_OLDER_VERSION,
    });
  }
  await driftOf(tab, 'staging')
    .getByText('In sync')
    .waitFor({ timeout: 60_000 });
}

const templateRunIsPendingThenInSyncWithHistory: Scenario = async context => {
  const tab = await openCarvelTab(context, 'catalog-service');
  await ensureCatalogDelivered(context, tab);
  const upgrades = historyRows(tab)
    .filter({ hasText: 'staging' })
    .filter({ hasText: `→ ${CATALOG_NEWEST_VERSION}` });
  const upgradesBefore = await upgrades.count();
  const before = headOf(E2E_REPO, 'main');

  const token = await backstageToken(tab);
  const page = await signedInPage(context.browser, APP_URL);
  const pushed = waitForHeadToMove(E2E_REPO, 'main', before, {
    timeoutMs: 120_000,
    pollMs: 50,
  });
  const merged = driftOf(tab, 'staging').getByTestId('merged-commit');
  const pendingShown = merged
    .waitFor({ timeout: 120_000 })
    .then(() => Date.now());
  // Awaited below; marked handled so a failing fillTemplate does not leave them unhandled.
  pushed.catch(() => {});
  pendingShown.catch(() => {});
  await fillTemplate(page, {
    packageName: 'catalog.default.tap',
    replicas: 3,
  });
  const { commit, seenAt } = await pushed;
  const api = await waitForDesiredCommit({
    token,
    entity: 'catalog-service',
    cluster: 'staging',
    commit,
    timeoutMs: 30_000,
  });
  const pendingAt = await pendingShown;
  const mergedText = await merged.textContent();
  if (!mergedText?.includes(short(commit))) {
    throw new Error(
      `pending named '${mergedText}', not the pushed commit ${short(commit)}`,
    );
  }
  console.log(
    `[e2e]   our push ${short(commit)}: GET /status named it (${
      api.drift
    }) in the answer to a request sent ${seconds(
      api.askedAt - seenAt,
    )} (answered ${seconds(
      api.seenAt - seenAt,
    )}) and the tab showed it as pending ${seconds(
      pendingAt - seenAt,
    )} after the branch moved`,
  );
  await tab.screenshot({
    path: path.join(context.artifacts, 'template-pending.png'),
    fullPage: true,
  });

  await driftOf(tab, 'staging')
    .getByText('In sync')
    .waitFor({ timeout: 60_000 });
  await driftOf(tab, 'staging')
    .getByTestId('deployed-commit')
    .getByText(short(commit))
    .waitFor({ timeout: TAB_TIMEOUT });
  await row(tab, 'staging')
    .getByText(CATALOG_NEWEST_VERSION)
    .first()
    .waitFor({ timeout: TAB_TIMEOUT });
  const entry = upgrades.nth(upgradesBefore);
  await entry.waitFor({ timeout: TAB_TIMEOUT });
  const leadTime = (await entry.locator('td').last().textContent()) ?? '';
  if (!/^\d+ (s|min|h|d)$/.test(leadTime)) {
    throw new Error(`the new history entry has no lead time ('${leadTime}')`);
  }
  console.log(
    `[e2e]   history: staging ${CATALOG_OLDER_VERSION} → ${CATALOG_NEWEST_VERSION}, lead time ${leadTime}`,
  );
  await tab.screenshot({
    path: path.join(context.artifacts, 'template-in-sync-history.png'),
    fullPage: true,
  });
  await page.close();
};

const someoneElsesPushShowsWithinThePollingPeriod: Scenario = async context => {
  const tab = await openCarvelTab(context, 'app');
  await driftOf(tab, 'staging')
    .getByText('In sync')
    .waitFor({ timeout: 60_000 });
  const token = await backstageToken(tab);
  const commit = commitBySomeoneElse(
    E2E_REPO,
    'main',
    'README.md',
    `Edited by hand at ${new Date().toISOString()}\n`,
  );
  const pushedAt = Date.now();
  const sha = short(commit);
  const apiSeen = waitForDesiredCommit({
    token,
    entity: 'app',
    cluster: 'staging',
    commit,
    timeoutMs: 30_000,
  });
  apiSeen.catch(() => {});
  const seen = await Promise.race([
    driftOf(tab, 'staging')
      .getByTestId('merged-commit')
      .getByText(sha)
      .waitFor({ timeout: 30_000 })
      .then(
        () => 'pending',
        () => undefined,
      ),
    driftOf(tab, 'staging')
      .getByTestId('deployed-commit')
      .getByText(sha)
      .waitFor({ timeout: 30_000 })
      .then(
        () => 'deployed',
        () => undefined,
      ),
  ]);
  if (!seen) throw new Error(`the tab did not show ${sha} within 30 s`);
  const api = await apiSeen;
  console.log(
    `[e2e]   someone else's push ${sha}: GET /status named it (${
      api.drift
    }) in the answer to a request sent ${seconds(
      api.askedAt - pushedAt,
    )} (answered ${seconds(api.seenAt - pushedAt)}) after the push`,
  );
  // The demo deploys every 2 s too, so it may deploy the commit before the backend's head check sees it.
  const took = Date.now() - pushedAt;
  console.log(
    `[e2e]   someone else's push ${sha} showed as ${seen} on the tab after ${seconds(
      took,
    )} (head poll every ${seconds(HEAD_POLL_MS)})`,
  );
  await driftOf(tab, 'staging')
    .getByText('In sync')
    .waitFor({ timeout: 60_000 });
};

const handChangeDriftsThenDeleteIsMissing: Scenario = async context => {
  const tab = await openCarvelTab(context, 'catalog-service');
  await ensureCatalogDelivered(context, tab);
  await driftOf(tab, 'prod').getByText('In sync').waitFor({ timeout: 60_000 });
  kubectl('prod', [
    'patch',
    'packageinstall',
    'catalog',
    '-n',
    'apps',
    '--type',
    'merge',
    '-p',
    JSON.stringify({
      spec: {
        packageRef: {
          versionSelection: { constraints: CATALOG_NEWEST_VERSION },
        },
      },
    }),
  ]);
  const changedAt = Date.now();
  const drifted = driftOf(tab, 'prod').getByText(/^Drifted — .*constraint/);
  await drifted.waitFor({ timeout: DRIFT_WITHIN_MS });
  console.log(
    `[e2e]   hand change on prod showed as drifted after ${seconds(
      Date.now() - changedAt,
    )}: ${await drifted.textContent()}`,
  );
  await row(tab, 'prod')
    .getByText('Succeeded', { exact: true })
    .waitFor({ timeout: TAB_TIMEOUT });
  await tab.screenshot({
    path: path.join(context.artifacts, 'carvel-tab-drifted.png'),
    fullPage: true,
  });

  kubectl('prod', ['delete', 'packageinstall', 'catalog', '-n', 'apps']);
  await driftOf(tab, 'prod')
    .getByText('Missing on the cluster')
    .waitFor({ timeout: TAB_TIMEOUT });
  await tab.screenshot({
    path: path.join(context.artifacts, 'carvel-tab-missing.png'),
    fullPage: true,
  });
};

export const gitopsScenarios: Array<[string, Scenario]> = [
  [
    'a template run shows pending with its commit, then in sync, and a history entry with a lead time',
    templateRunIsPendingThenInSyncWithHistory,
  ],
  [
    "someone else's push reaches the tab (pending, or deployed when the demo was faster), timed",
    someoneElsesPushShowsWithinThePollingPeriod,
  ],
  [
    'a hand change on a cluster is drifted within 2 s naming the field; deleting it is missing',
    handChangeDriftsThenDeleteIsMissing,
  ],
];
