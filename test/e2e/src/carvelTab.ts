import type { Page } from 'playwright-core';
import { signedInPage } from './browser';
import { APP_URL, BACKEND_URL, E2E_REPO } from './stack';
import type { ScenarioContext } from './scenarioContext';

export const TAB_TIMEOUT = 30_000;

/**
 * Opens an entity's Carvel tab and waits until it has subscribed to its signals: a change before
 * that reaches the tab only with the next one, so a scenario must not make one earlier.
 */
export async function openCarvelTab(
  context: ScenarioContext,
  entity: string,
): Promise<Page> {
  const page = await signedInPage(context.browser, APP_URL);
  // The signals client reconnects when a connection fails; any connection that subscribes counts.
  const subscribed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no subscription within ${TAB_TIMEOUT / 1000} s`)),
      TAB_TIMEOUT,
    );
    page.on('websocket', socket => {
      if (!socket.url().includes('/api/signals')) return;
      socket.on('framesent', frame => {
        if (String(frame.payload).includes('"carvel:package:')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  });
  subscribed.catch(() => {});
  await page.goto(`${APP_URL}/catalog/default/component/${entity}/carvel`);
  await subscribed.catch(error => {
    throw new Error(
      `the Carvel tab of ${entity} did not subscribe to its signals: ${error.message}`,
    );
  });
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

function startsWith(text: string) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/**
 * Fills the delivery template with its pickers only (no names typed): the package and the clusters
 * are picked from what the backend knows, the version pinned or left at its range; then submits.
 */
export async function fillTemplate(
  page: Page,
  template: {
    packageName: string;
    replicas: number;
    /** Pins this version; without it, the form's default range `>=0.0.0` is kept. */
    pinVersion?: string;
    clusters?: string[];
    /** A screenshot of the filled form, just before Review. */
    screenshot?: string;
  },
) {
  await page.goto(`${APP_URL}/create/templates/default/carvel-delivery`);
  await page
    .getByRole('option', { name: startsWith(template.packageName) })
    .click();
  if (template.pinVersion) {
    await page.getByLabel('Pin a version', { exact: true }).check();
    await page
      .getByLabel(`Pin ${template.pinVersion}`, { exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  // The one text field: which repository to write to (the e2e run's own, not the demo's default).
  await page.getByLabel('GitOps repository').fill(E2E_REPO);
  await page.getByRole('button', { name: 'Next' }).click();
  for (const cluster of template.clusters ?? ['staging', 'prod']) {
    await page.getByRole('checkbox', { name: startsWith(cluster) }).check();
  }
  await page.getByLabel(/^Replicas/).fill(String(template.replicas));
  if (template.screenshot) {
    await page.screenshot({ path: template.screenshot, fullPage: true });
  }
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
}

/** The signed-in guest's Backstage token, to ask the backend's API what the tab shows. */
export async function backstageToken(page: Page): Promise<string> {
  const token = await page.evaluate(async backendUrl => {
    const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
      credentials: 'include',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const body = await response.json();
    return body?.backstageIdentity?.token as string | undefined;
  }, BACKEND_URL);
  if (!token) throw new Error('the guest sign-in gave no Backstage token');
  return token;
}

/**
 * Polls GET /status of a component until a PackageInstall on `cluster` has git's `commit` as its
 * desired commit; resolves with the drift it had then, when the answer was asked for and received.
 */
export async function waitForDesiredCommit(options: {
  token: string;
  entity: string;
  cluster: string;
  commit: string;
  timeoutMs: number;
}): Promise<{ drift: string; askedAt: number; seenAt: number }> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const askedAt = Date.now();
    const response = await fetch(
      `${BACKEND_URL}/api/carvel/status/default/component/${options.entity}`,
      {
        headers: { authorization: `Bearer ${options.token}` },
        signal: AbortSignal.timeout(5000),
      },
    );
    if (response.ok) {
      const status = (await response.json()) as {
        clusters: Array<{
          name: string;
          packageInstalls?: Array<{
            drift?: string;
            desired?: { commit?: string };
          }>;
        }>;
      };
      const install = status.clusters
        .find(cluster => cluster.name === options.cluster)
        ?.packageInstalls?.find(i => i.desired?.commit === options.commit);
      if (install) {
        return {
          drift: install.drift ?? 'unknown',
          askedAt,
          seenAt: Date.now(),
        };
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `GET /status of ${options.entity} did not name ${
          options.commit
        } within ${options.timeoutMs / 1000} s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
