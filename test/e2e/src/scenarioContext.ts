import type { Browser } from 'playwright-core';

export interface ScenarioContext {
  browser: Browser;
  artifacts: string;
  state: Record<string, unknown>;
}

export type Scenario = (context: ScenarioContext) => Promise<void>;
