// Shared helpers: accessibility checks that work in both modes, and a console watcher.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page at `page.url()`. axe needs JavaScript in the page, and hangs in a context
 * with JavaScript disabled; in the no-js project the same URL (with the same cookies) is opened in a
 * JavaScript-enabled context whose own JS/WASM bundle is blocked, so axe sees what a no-JS visitor
 * sees.
 */
export async function expectNoAxeViolations(page: Page, browser: Browser, testInfo: TestInfo) {
  let target = page;
  let cleanup = async () => {};
  if (testInfo.project.name === 'no-js') {
    const context = await browser.newContext({ javaScriptEnabled: true, locale: 'sv-SE' });
    await context.addCookies(await page.context().cookies());
    await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    target = await context.newPage();
    await target.goto(page.url());
    cleanup = () => context.close();
  }
  const results = await new AxeBuilder({ page: target }).withTags(TAGS).analyze();
  await cleanup();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects console errors (CSP violations, hydration panics) so a test can assert there are none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
