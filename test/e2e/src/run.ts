/*
 * Browser tests of the running product: the app, backend and demo clusters started as
 * `npm start` starts them, driven with Chromium. Screenshots go to test-results/e2e.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import {
  ChromiumMissingError,
  machineProbes,
  resolveChromium,
} from './chromium';
import { PortsHeldError } from './ports';
import { scenarios } from './scenarios';
import { runWithStack } from './session';
import { ROOT, RunningStack, startStack } from './stack';

const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');

function seconds(since: number) {
  return Math.round((Date.now() - since) / 1000);
}

/** Screenshots of every open page, to see what a failed scenario saw. */
async function screenshotOpenPages(browser: Browser, scenarioIndex: number) {
  const pages = browser.contexts().flatMap(context => context.pages());
  const files: string[] = [];
  for (const [i, page] of pages.entries()) {
    const file = path.join(
      ARTIFACTS,
      `failed-${scenarioIndex + 1}-${i + 1}.png`,
    );
    await page
      .screenshot({ path: file, fullPage: true, timeout: 10_000 })
      .then(() => files.push(path.basename(file)))
      .catch(() => {});
  }
  return files;
}

async function runScenarios(
  chromiumPath: string,
  stack: RunningStack,
  signal: AbortSignal,
): Promise<number> {
  for (const file of fs.readdirSync(ARTIFACTS)) {
    if (/^failed-.*\.png$/.test(file)) fs.rmSync(path.join(ARTIFACTS, file));
  }
  // E2E_SCENARIOS=<text> runs only the scenarios whose name contains it (while working on one).
  const only = process.env.E2E_SCENARIOS;
  const chosen = only
    ? scenarios.filter(([name]) => name.includes(only))
    : scenarios;
  const browser = await launchChromium(chromiumPath);
  const failures: string[] = [];
  try {
    const context = {
      browser,
      artifacts: ARTIFACTS,
      state: {} as Record<string, unknown>,
    };
    for (const [index, [name, scenario]] of chosen.entries()) {
      if (signal.aborted) break;
      const scenarioStarted = Date.now();
      try {
        await scenario(context);
        console.log(`[e2e] ✓ ${name} (${seconds(scenarioStarted)} s)`);
      } catch (error) {
        if (signal.aborted) break;
        failures.push(name);
        const shots = await screenshotOpenPages(browser, index);
        console.log(
          `[e2e] ✗ ${name} (open pages: ${shots.join(', ') || 'none'})\n${
            (error as Error).stack ?? error
          }`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) {
    console.log(
      `[e2e] ${failures.length} of ${chosen.length} failed; screenshots in ${ARTIFACTS}, the stack's output in ${stack.logFile}`,
    );
    return 1;
  }
  console.log(`[e2e] all ${chosen.length} passed; screenshots in ${ARTIFACTS}`);
  return 0;
}

async function main(): Promise<number> {
  const chromiumPath = await resolveChromium(machineProbes(process.env));
  console.log(`[e2e] Chromium: ${chromiumPath}`);
  return runWithStack({
    start: async signal => {
      const started = Date.now();
      console.log(
        '[e2e] starting the app, backend and demo clusters as npm start does',
      );
      const stack = await startStack(ARTIFACTS, signal);
      console.log(`[e2e] up after ${seconds(started)} s`);
      return stack;
    },
    use: (stack, signal) => runScenarios(chromiumPath, stack, signal),
    signals: process,
    log: line => console.log(`[e2e] ${line}`),
  });
}

// process.exit: after a signal, the interrupted scenario may still hold the event loop.
main().then(
  code => process.exit(code),
  error => {
    console.error(
      error instanceof ChromiumMissingError || error instanceof PortsHeldError
        ? `[e2e] ${error.message}`
        : `[e2e] ${(error as Error).stack ?? error}`,
    );
    process.exit(1);
  },
);
