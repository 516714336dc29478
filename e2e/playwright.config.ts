import { defineConfig, devices } from '@playwright/test';
import { baseUrl } from './platform';

/**
 * Chromium comes from Debian (/usr/bin/chromium): Playwright never downloads a browser here.
 * The flags keep it from calling home on a machine without internet.
 */
const chromium = {
  executablePath: process.env.KB_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: baseUrl(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium } },
    // Language and accessibility checks run once, at desktop size (they set a phone size themselves
    // for the app's screens).
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions: chromium }, testIgnore: /(a11y|i18n)\.spec\.ts/ },
  ],
});
