/*
 * Browser tests of the running product: the app, backend and demo clusters started as
 * `npm start` starts them, driven with Debian's Chromium. Screenshots go to test-results/e2e.
 */
import path from 'node:path';
import { launchChromium } from './browser';
import { scenarios } from './scenarios';
import { ROOT, startStack } from './stack';

const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');

async function main() {
  const started = Date.now();
  console.log(
    '[e2e] starting the app, backend and demo clusters as npm start does',
  );
  const stack = await startStack(ARTIFACTS);
  console.log(`[e2e] up after ${Math.round((Date.now() - started) / 1000)} s`);
  const browser = await launchChromium();
  const failures: string[] = [];
  try {
    const context = {
      browser,
      artifacts: ARTIFACTS,
      state: {} as Record<string, unknown>,
    };
    for (const [name, scenario] of scenarios) {
      const scenarioStarted = Date.now();
      try {
        await scenario(context);
        console.log(
          `[e2e] ✓ ${name} (${Math.round(
            (Date.now() - scenarioStarted) / 1000,
          )} s)`,
        );
      } catch (error) {
        failures.push(name);
        console.log(`[e2e] ✗ ${name}\n${(error as Error).stack ?? error}`);
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  if (failures.length > 0) {
    console.log(
      `[e2e] ${failures.length} of ${scenarios.length} failed; screenshots and stack.log in ${ARTIFACTS}`,
    );
    process.exit(1);
  }
  console.log(
    `[e2e] all ${scenarios.length} passed in ${Math.round(
      (Date.now() - started) / 1000,
    )} s; screenshots in ${ARTIFACTS}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
