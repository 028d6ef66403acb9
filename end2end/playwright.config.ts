// Every spec runs twice: hydrated (JavaScript on) and with JavaScript off, in Debian's Chromium.
// The server is started by scripts/e2e.sh; its address comes in STADSPORTEN_E2E_URL.
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
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
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Spec files run side by side (each test has its own browser context, and every assertion on
  // shared data names its own case, bundle or mail); the tests of one file keep their order.
  // Two workers match CI's two cores; STADSPORTEN_E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.STADSPORTEN_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.STADSPORTEN_E2E_URL ?? 'http://127.0.0.1:3000',
    launchOptions: chromium,
    locale: 'sv-SE',
    trace: 'off',
  },
  projects: [
    { name: 'hydrated', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
});
