// Measurement, with JavaScript on and off: a service page says how the city kept its promise (a
// chart with its table); a service owner reads the figures of his units, filters them with the
// GET form, opens one e-service's journey and the yearly value report; another unit's figures are
// refused. Every page passes axe, in Swedish and in Arabic (right to left).
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, watchConsole } from './support';

async function signInAsPer(page: Page, browser: Browser, testInfo: TestInfo) {
  await page.goto(`/sign-in?to=${encodeURIComponent('/stats')}`);
  await page.getByRole('link', { name: /Medarbetare i Stockholms stad/ }).click();
  await page.getByRole('radio', { name: /Per Holm/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
}

test('a service page shows how the promise was kept, with the figures as a table', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  await page.goto('/services/ansok-om-forskoleplats');
  const level = page.getByRole('region', { name: 'Så höll vi vad vi lovade' });
  await expect(level).toBeVisible();
  await expect(level).toContainText('Vi lovar ett beslut inom 30 dagar');
  await expect(level.locator('dt', { hasText: 'Mediantid till beslut' })).toBeVisible();
  await expect(level.getByRole('img', { name: 'Mediantid till beslut per månad' })).toBeVisible();
  // The table behind "show as table" (a native <details>: no script needed).
  await level.getByText('Visa siffrorna som tabell').click();
  await expect(level.getByRole('table', { name: 'Beslut per månad' })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
  // A working-day promise says so; in Arabic the page reads right to left.
  await page.goto('/lang/ar?to=/services/boendeparkering');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('region', { name: 'كيف وفينا بوعدنا' })).toContainText('يوم عمل');
  await expectNoAxeViolations(page, browser, testInfo);
  await page.goto('/lang/sv?to=/open-data/service-levels');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicenivåer för Stockholms stads e-tjänster' })).toBeVisible();
  const csv = await page.request.get('/open-data/service-levels.csv');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n')[0]).toContain('median_handling_days');
  expect(errors).toEqual([]);
});

test('a service owner reads, filters and prints the figures of his units', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  await signInAsPer(page, browser, testInfo);
  await expect(page.getByRole('table', { name: 'Ärenden och servicenivå per e-tjänst' })).toContainText('värmepump');
  await expect(page.getByRole('img', { name: 'Inkomna ärenden per månad' })).toBeVisible();
  // The filters are a GET form: every view is a link.
  await page.getByLabel('E-tjänst', { exact: true }).selectOption('varmepump');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page).toHaveURL(/service=varmepump/);
  await expect(page.getByRole('table', { name: 'Ärenden och servicenivå per e-tjänst' })).not.toContainText('Bygglov');
  // An unreadable period: a notice and the default, never an error page.
  await page.goto('/stats?from=2026-13');
  await expect(page.getByRole('status').first()).toContainText('Perioden kunde inte läsas');
  // One e-service's way, step by step.
  await page.goto('/stats');
  await page.getByRole('link', { name: /värmepump/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vägen genom e-tjänsten' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Steg för steg' })).toContainText('Skickade ansökningar');
  await expectNoAxeViolations(page, browser, testInfo);
  // The yearly value report.
  await page.getByRole('link', { name: 'Årlig nyttovärdering' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nyttovärdering');
  await expect(page.getByRole('table', { name: /Personalens svar på UMUX-Lite/ })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
  // Another unit's figures are not his.
  const refused = await page.goto('/stats?unit=UTB');
  expect(refused?.status()).toBe(403);
  expect(errors.filter((e) => !e.includes('403'))).toEqual([]);
});
