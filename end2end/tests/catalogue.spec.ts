// The resident's first journey: start page → search "förskola" → a service → Arabic (RTL) → English.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchConsole } from './support';

test('a resident finds the preschool service and reads it in Arabic and English', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Välkommen till Stockholms stad');
  await expect(page.getByRole('heading', { name: 'Livssituationer' })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);

  await page.getByLabel('Sök bland stadens tjänster').fill('förskola');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page).toHaveURL(/\/services\?q=f%C3%B6rskola/);
  await expect(page.getByRole('heading', { level: 2, name: /tjänster för ”förskola”/ })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);

  await page.getByRole('link', { name: 'Ansök om förskoleplats' }).click();
  await expect(page).toHaveURL(/\/services\/ansok-om-forskoleplats$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansök om förskoleplats');
  await expect(page.getByRole('definition').filter({ hasText: /^30 dagar$/ })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);

  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(/\/services\/ansok-om-forskoleplats$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('التقديم على مكان في الروضة');
  await expectNoAxeViolations(page, browser, testInfo);

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply for a preschool place');
  await expectNoAxeViolations(page, browser, testInfo);

  expect(errors).toEqual([]);
});

test('filters, pagination and the not-found page work in both modes', async ({ page, browser }, testInfo) => {
  await page.goto('/services');
  await page.getByLabel('Livssituation').selectOption('starta-och-driva-foretag');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page).toHaveURL(/situation=starta-och-driva-foretag/);
  await expect(page.getByRole('link', { name: 'Ansök om serveringstillstånd' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ansök om förskoleplats' })).toHaveCount(0);
  await expectNoAxeViolations(page, browser, testInfo);

  await page.goto('/services');
  await page.getByRole('link', { name: 'Nästa' }).click();
  await expect(page.getByText(/Sida 2 av \d+/)).toBeVisible();

  const res = await page.goto('/services/finns-inte');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
  await expectNoAxeViolations(page, browser, testInfo);

  const bad = await page.goto('/services?page=0');
  expect(bad?.status()).toBe(400);
  await expect(page.getByText('Sidnumret är ogiltigt')).toBeVisible();
});

test('results update while typing once hydrated', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'live results need JavaScript; the GET form covers no-js');
  const errors = watchConsole(page);
  await page.goto('/services');
  // Wait for the island to hydrate: it then shows the live-results hint.
  await expect(page.getByText('Resultaten uppdateras medan du skriver.')).toBeVisible();
  await page.getByLabel('Sök bland stadens tjänster').pressSequentially('parkering', { delay: 30 });
  await expect(page.getByRole('heading', { level: 2, name: /för ”parkering”/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Boendeparkering' })).toBeVisible();
  await expect(page).toHaveURL(/\/services\?q=parkering/);
  expect(errors).toEqual([]);
});

test('hashed assets are cached for a year and sent compressed', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'headers do not depend on the mode');
  await page.goto('/services');
  const assets = await page.locator('link[href^="/pkg/"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  expect(assets.some((a) => a?.endsWith('.wasm'))).toBe(true);
  for (const asset of assets) {
    const res = await page.request.get(asset!, { headers: { 'accept-encoding': 'br' } });
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers()['content-encoding']).toBe('br');
  }
});

test('the lite version sends no script and still works', async ({ page, browser }, testInfo) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\.(js|wasm)$/.test(r.url())) scripts.push(r.url());
  });
  await page.goto('/lite/on?to=%2Fservices');
  await expect(page.getByText('Du använder lättversionen.')).toBeVisible();
  expect(await page.locator('script').count()).toBe(0);
  await page.getByLabel('Sök bland stadens tjänster').fill('bygglov');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByRole('link', { name: 'Ansök om bygglov' })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
  expect(scripts).toEqual([]);
});
