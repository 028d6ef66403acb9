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
  fullyParallel: false,
  workers: 1,
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
