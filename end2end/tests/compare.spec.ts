// Compare providers end to end, with JavaScript on and off: filter preschools in a district,
// compare three side by side (one private, one city-run, one with few respondents showing the
// warning), apply for a place at one with it pre-selected — in Swedish on SQLite and PostgreSQL,
// and in Arabic (right to left); a provider editor updates opening hours and the change appears
// with its attribution; the open-data export imports again (dry run); axe finds nothing on any
// page visited.
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, watchConsole } from './support';

const servers: [string, string | undefined][] = [
  ['SQLite', process.env.STADSPORTEN_E2E_URL],
  ['PostgreSQL', process.env.STADSPORTEN_E2E_PG_URL],
];

/** What the visitor reads, per language. */
const texts = {
  sv: {
    langLink: 'Svenska',
    preschools: '78 förskolor',
    district: 'Stadsdel',
    show: 'Visa',
    six: '6 förskolor',
    live: 'Listan uppdateras när du ändrar filter.',
    compare: (name: string) => `Jämför ${name}`,
    compareChosen: 'Jämför valda sida vid sida',
    title: 'Jämför sida vid sida',
    few: 'Få svarande',
    private: 'Privat utförare · Solrosens Förskolor AB',
    city: 'Kommunal · Stadsdelsförvaltningen Norrmalm',
    apply: (name: string) => `Ansök om plats på ${name}`,
    chosen: (name: string) => `Du valde ${name}, Norrmalm i jämförelsen.`,
  },
  ar: {
    langLink: 'العربية',
    preschools: '78 روضة أطفال',
    district: 'الحي',
    show: 'اعرض',
    six: '6 روضة أطفال',
    live: 'تتحدث القائمة عندما تغيّر عوامل التصفية.',
    compare: (name: string) => `قارن ${name}`,
    compareChosen: 'قارن المختارة جنباً إلى جنب',
    title: 'المقارنة جنباً إلى جنب',
    few: 'عدد المجيبين قليل',
    private: 'مقدم خدمة خاص · Solrosens Förskolor AB',
    city: 'تابعة للبلدية · Stadsdelsförvaltningen Norrmalm',
    apply: (name: string) => `قدّم طلباً للحصول على مكان في ${name}`,
    chosen: (name: string) => `اخترت ${name}, Norrmalm في المقارنة.`,
  },
};

async function signIn(page: Page, base: string, kind: 'resident' | 'staff', name: string, to: string) {
  await page.goto(`${base}/sign-in?to=${encodeURIComponent(to)}`);
  const choice = kind === 'resident' ? /Privatperson eller företag/ : /Medarbetare i Stockholms stad/;
  await page.getByRole('link', { name: choice }).click();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByText(`Inloggad som ${name}`)).toBeVisible();
}

/** Filters preschools to Norrmalm, compares three and follows "apply" for the private one. */
async function compareThree(page: Page, browser: Browser, testInfo: TestInfo, url: string, lang: 'sv' | 'ar') {
  const t = texts[lang];
  const noJs = testInfo.project.name === 'no-js';
  const axe = () => expectNoAxeViolations(page, browser, testInfo);
  await page.goto(`${url}/compare`);
  if (lang === 'ar') {
    await page.getByRole('link', { name: t.langLink }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  }
  await axe();
  await page.getByRole('link', { name: t.preschools }).click();
  // Hydrated, the island says so once it listens (then a change updates the list by itself).
  if (!noJs) await expect(page.getByText(t.live)).toBeVisible();
  await page.getByLabel(t.district, { exact: true }).selectOption('norrmalm');
  if (noJs) {
    await page.getByRole('button', { name: t.show, exact: true }).click();
  }
  // Hydrated, the list follows the filter without a submit (and the address bar with it).
  await expect(page.getByRole('heading', { level: 2, name: t.six })).toBeVisible();
  if (!noJs) await expect(page).toHaveURL(/district=norrmalm/);
  await axe();
  const three = ['Förskolan Smultronet', 'Förskolan Bullerbyn', 'Förskolan Solstrålen'];
  for (const name of three) {
    await page.getByRole('checkbox', { name: t.compare(name) }).check();
  }
  if (!noJs) {
    // The new count was announced; sorting again keeps the chosen units chosen.
    await expect(page.locator('.live-results [role=status]')).toHaveText(t.six);
    await page.locator('#filter-sort').selectOption('parent-satisfaction');
    await expect(page).toHaveURL(/sort=parent-satisfaction/);
    for (const name of three) {
      await expect(page.getByRole('checkbox', { name: t.compare(name) })).toBeChecked();
    }
  }
  await page.getByRole('button', { name: t.compareChosen }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  const table = page.locator('table.side-by-side');
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await expect(table.getByText(t.private)).toBeVisible();
  await expect(table.getByText(t.city).first()).toBeVisible();
  await expect(table.getByText(t.few).first()).toBeVisible();
  await axe();
  await table.getByRole('link', { name: t.apply('Förskolan Smultronet') }).click();
  await expect(page).toHaveURL(/\/services\/ansok-om-forskoleplats\/start\?unit=forskolan-smultronet-norrmalm$/);
  await expect(page.getByText(t.chosen('Förskolan Smultronet'))).toBeVisible();
  await axe();
}

for (const [db, base] of servers) {
  test(`[${db}] compare three preschools, apply with one pre-selected, a provider updates hours`, async ({ browser, page }, testInfo) => {
    test.skip(!base, `no ${db} server`);
    test.setTimeout(240_000);
    const url = base as string;
    const errors = watchConsole(page);
    const axe = () => expectNoAxeViolations(page, browser, testInfo);

    await compareThree(page, browser, testInfo, url, 'sv');
    // Signed in, the application starts with the preschool chosen.
    const start = new URL(page.url()).pathname + new URL(page.url()).search;
    await signIn(page, url, 'resident', 'Anna Andersson', start);
    await expect(page.getByText(texts.sv.chosen('Förskolan Smultronet'))).toBeVisible();
    await page.getByRole('button', { name: 'Starta ansökan' }).click();
    await page.getByLabel('Barnets för- och efternamn').fill('Lo Andersson');
    await page.getByLabel('Barnets personnummer').fill('20230315-2389');
    await page.getByRole('radio', { name: 'Nej', exact: true }).check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Välj förskolor' })).toBeVisible();
    await expect(page.getByLabel('Förstahandsval')).toHaveValue('forskolan-smultronet-norrmalm');
    await axe();

    // The provider editor of Solrosens Förskolor AB changes the opening hours.
    const context = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
    const provider = await context.newPage();
    const providerAxe = () => expectNoAxeViolations(provider, browser, testInfo);
    await signIn(provider, url, 'resident', 'Maja Ek', '/provider');
    await expect(provider.getByRole('heading', { level: 1, name: 'Utförarportalen' })).toBeVisible();
    await providerAxe();
    await provider.getByRole('link', { name: 'Ändra uppgifterna för Förskolan Smultronet' }).click();
    await provider.getByLabel('Öppettider vardagar').fill('18:30-06:00');
    await provider.getByRole('button', { name: 'Spara och publicera' }).click();
    await expect(provider.getByRole('alert')).toContainText('Skriv öppettider som 06:30-18:00');
    await expect(provider.getByLabel('Öppettider vardagar')).toHaveValue('18:30-06:00');
    await providerAxe();
    await provider.getByLabel('Öppettider vardagar').fill('06:00-18:30');
    await provider.getByRole('button', { name: 'Spara och publicera' }).click();
    await expect(provider.getByRole('status')).toContainText('Ändringarna är sparade och publicerade');
    await providerAxe();
    await provider.getByRole('link', { name: 'Visa i Jämför service' }).first().click();
    await expect(provider.getByText('06:00–18:30 vardagar')).toBeVisible();
    await expect(provider.getByText('Senast uppdaterad av utföraren (Solrosens Förskolor AB)')).toBeVisible();
    await providerAxe();
    await context.close();
    expect(errors).toEqual([]);
  });
}

test('[SQLite] Arabic, right to left: compare three preschools and apply with one pre-selected', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await compareThree(page, browser, testInfo, process.env.STADSPORTEN_E2E_URL ?? '', 'ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  expect(errors).toEqual([]);
});

test('[SQLite] open data: the export is described and imports again (dry run)', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  const url = process.env.STADSPORTEN_E2E_URL ?? '';
  const axe = () => expectNoAxeViolations(page, browser, testInfo);
  await page.goto(`${url}/open-data/providers`);
  await expect(page.getByText('CC0 1.0')).toBeVisible();
  await axe();
  const csv = await (await page.request.get(`${url}/open-data/providers.csv`)).body();
  await signIn(page, url, 'staff', 'Ada Admin', '/admin/providers');
  await expect(page.getByRole('heading', { level: 1, name: 'Jämförelsedata' })).toBeVisible();
  await axe();
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'providers.csv', mimeType: 'text/csv', buffer: csv });
  await expect(page.getByLabel('Provkörning – kontrollera bara, spara inget')).toBeChecked();
  await page.getByRole('button', { name: 'Ladda upp', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Provkörningen av providers.csv hittade inga fel' })).toBeVisible();
  await axe();
});
