// The web editor (webbredaktör) keeps the catalogue true, with JavaScript on and off: a service
// page's Finnish text changed and published is what residents read at once; a message written
// now is on the start page in Swedish, Finnish and Arabic; refused input comes back with its
// message and nothing lost; a version is published again (revert); every page passes axe. The
// accessibility statement is public and linked from every footer.
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, watchConsole } from './support';

async function signInAsEditor(page: Page, browser: Browser, testInfo: TestInfo) {
  await page.goto(`/sign-in?to=${encodeURIComponent('/admin/content')}`);
  await page.getByRole('link', { name: /Medarbetare i Stockholms stad/ }).click();
  await page.getByRole('radio', { name: /Vera Lind/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innehåll' })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
}

/** Stockholm wall-clock time `minutes` from now, as a datetime-local input takes it. */
function stockholm(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

test('an editor changes a page, publishes it, and reverts it', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  const mark = testInfo.project.name === 'no-js' ? 'ilman JS' : 'JS:llä';
  // Each project edits a page of its own (the two may run at the same time), one no other spec reads.
  const [slug, title] =
    testInfo.project.name === 'no-js'
      ? ['energiradgivning', 'Energi- och klimatrådgivning']
      : ['skadedjur', 'Råttor och andra skadedjur'];
  await signInAsEditor(page, browser, testInfo);
  await expect(page.getByRole('link', { name: 'Innehåll', exact: true })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expectNoAxeViolations(page, browser, testInfo);

  // A missing Swedish title is refused beside the field; the Finnish text typed is kept.
  const titleSv = page.locator('#content-title-sv');
  const original = await titleSv.inputValue();
  await titleSv.fill('');
  await page.locator('#content-title-fi').fill(`Tuholaiset kotona (${mark})`);
  await page.getByRole('button', { name: 'Spara och publicera nu' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv en rubrik på svenska.');
  await expect(page.locator('#content-title-fi')).toHaveValue(`Tuholaiset kotona (${mark})`);
  await expectNoAxeViolations(page, browser, testInfo);

  // Published: the Finnish page says it at once.
  await page.locator('#content-title-sv').fill(original);
  await page.getByRole('button', { name: 'Spara och publicera nu' }).click();
  await expect(page.getByRole('status')).toContainText('Sidan är publicerad');
  const edit = new URL(page.url()).pathname;
  await page.goto(`/lang/fi?to=${encodeURIComponent(`/services/${slug}`)}`);
  await expect(page.getByRole('heading', { level: 1, name: `Tuholaiset kotona (${mark})` })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
  await page.goto(`/lang/sv?to=${encodeURIComponent(edit)}`);

  // The newest version is previewed with its diff; version 1 is published again.
  await page.getByRole('link', { name: /Förhandsgranska och jämför version/ }).first().click();
  await expect(page.getByText('Förhandsgranskning: så här ser invånare sidan')).toBeVisible();
  await expect(page.getByRole('cell', { name: `Tuholaiset kotona (${mark})` })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
  await page.goto(edit);
  await page.getByRole('row', { name: /Version 1/ }).getByRole('button', { name: 'Publicera igen' }).click();
  await expect(page.getByRole('status')).toContainText('publicerad igen');
  await page.goto(`/lang/fi?to=${encodeURIComponent(`/services/${slug}`)}`);
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText(mark);
  await page.goto('/lang/sv?to=%2F');
  expect(errors).toEqual([]);
});

test('an operating message is shown on the start page in every language', async ({ page, browser }, testInfo) => {
  const title = `Störning i e-tjänsterna (${testInfo.project.name})`;
  await signInAsEditor(page, browser, testInfo);
  await page.getByRole('link', { name: 'Nytt driftmeddelande' }).click();
  await expectNoAxeViolations(page, browser, testInfo);
  await page.getByRole('radio', { name: 'Störning' }).check();
  await page.getByLabel('Visas från').fill(stockholm(-5));
  await page.getByLabel('Visas till').fill(stockholm(-10));
  await page.locator('#content-title-sv').fill(title);
  await page.locator('#content-body-sv').fill('Vi felsöker. Dina utkast är sparade.');
  await page.getByRole('button', { name: 'Spara driftmeddelandet' }).click();
  await expect(page.getByRole('alert')).toContainText('måste vara efter tiden då det börjar');
  await expect(page.locator('#content-body-sv')).toHaveValue('Vi felsöker. Dina utkast är sparade.');
  await expectNoAxeViolations(page, browser, testInfo);
  await page.getByLabel('Visas till').fill(stockholm(120));
  // A language without text yet is folded away: opened by its summary (works without JavaScript).
  await page.locator('summary', { hasText: 'Suomi' }).click();
  await page.locator('summary', { hasText: 'العربية' }).click();
  await page.locator('#content-title-fi').fill(`Häiriö e-palveluissa (${testInfo.project.name})`);
  await page.locator('#content-body-fi').fill('Selvitämme vikaa. Luonnoksesi on tallennettu.');
  await page.locator('#content-title-ar').fill(`عطل في الخدمات الإلكترونية (${testInfo.project.name})`);
  await page.locator('#content-body-ar').fill('نعمل على إصلاح العطل. تم حفظ مسوداتك.');
  await page.getByRole('button', { name: 'Spara driftmeddelandet' }).click();
  await expect(page.getByRole('status')).toContainText('Driftmeddelandet är sparat');

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await page.goto('/lang/fi?to=%2F');
  await expect(page.getByRole('heading', { level: 3, name: `Häiriö e-palveluissa (${testInfo.project.name})` })).toBeVisible();
  await page.goto('/lang/ar?to=%2F');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 3, name: `عطل في الخدمات الإلكترونية (${testInfo.project.name})` })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
  await page.goto('/lang/sv?to=%2F');
});

test('the accessibility statement is public and linked from every page', async ({ page, browser }, testInfo) => {
  await page.goto('/services');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighet för Stadsporten' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Innehåll som inte är tillgängligt' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till DIGG' })).toBeVisible();
  await expectNoAxeViolations(page, browser, testInfo);
});
