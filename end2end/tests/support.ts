// Shared helpers: accessibility checks and page measurements that work in both modes, and a
// console watcher.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs `inspect` against what the visitor sees at `page.url()`. Inspection needs JavaScript in the
 * page (axe hangs in a context with JavaScript disabled), so in the no-js project the same URL, with
 * the same cookies and viewport, is opened in a JavaScript-enabled context whose own JS/WASM bundle
 * is blocked: the page is exactly the no-JS page.
 */
export async function inspectAsSeen<T>(page: Page, browser: Browser, testInfo: TestInfo, inspect: (p: Page) => Promise<T>): Promise<T> {
  if (testInfo.project.name !== 'no-js') return inspect(page);
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'sv-SE', viewport: page.viewportSize() });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    const twin = await context.newPage();
    await twin.goto(page.url());
    return await inspect(twin);
  } finally {
    await context.close();
  }
}

export async function expectNoAxeViolations(page: Page, browser: Browser, testInfo: TestInfo) {
  const violations = await inspectAsSeen(page, browser, testInfo, async (p) => {
    const results = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
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
