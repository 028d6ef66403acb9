// Information security, with JavaScript on and off: Karin reports a security incident (a refused
// form first, what she typed kept), Jonas triages it as a personal-data breach and sees the
// 72-hour clock; Sofia, the information owner, is refused confidentiality 4 and saves a level
// with its reason; Karin meets a protected applicant's case. Every page passes axe.
import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectNoAxeViolations, watchConsole } from './support';

const base = process.env.STADSPORTEN_E2E_URL as string;

async function signIn(page: Page, kind: 'resident' | 'staff', name: string, to: string) {
  await page.goto(`${base}/sign-in?to=${encodeURIComponent(to)}`);
  const choice = kind === 'resident' ? /Privatperson eller företag/ : /Medarbetare i Stockholms stad/;
  await page.getByRole('link', { name: choice }).click();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

test('a security incident is reported, triaged as a breach and its IMY clock shown', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const axe = () => expectNoAxeViolations(page, browser, testInfo);
  await signIn(page, 'staff', 'Karin Sjöberg', '/incidents/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportera en säkerhetsincident' })).toBeVisible();
  await axe();
  const what = `Ett beslut skickades till fel mottagare (${randomUUID().slice(0, 8)})`;
  await page.getByLabel('Vad hände?').fill(what);
  await page.getByRole('button', { name: 'Rapportera', exact: true }).click();
  // Refused: the choice is named, what was typed is still there.
  await expect(page.getByRole('alert')).toContainText('Välj ett alternativ.');
  await expect(page.getByLabel('Vad hände?')).toHaveValue(what);
  await axe();
  await page.getByRole('radio', { name: 'Ja', exact: true }).check();
  await page.getByLabel('Vilken information berörs?').fill('Beslut om hemtjänst');
  await page.getByRole('button', { name: 'Rapportera', exact: true }).click();
  await expect(page.getByText('Incidenten är rapporterad')).toBeVisible();
  const incident = new URL(page.url()).pathname;
  await axe();

  await signIn(page, 'staff', 'Jonas Falk', incident);
  await expect(page.getByRole('heading', { level: 1, name: /Incident SI-\d{4}-\d+/ })).toBeVisible();
  await page.getByLabel('Kategori').selectOption('misdirected');
  await page.getByLabel('Allvarlighet').selectOption('high');
  await page.getByLabel('Ansvarig').selectOption({ label: 'Jonas Falk' });
  await page.getByLabel('Är det en personuppgiftsincident?').selectOption('yes');
  await page.getByRole('button', { name: 'Spara bedömningen' }).click();
  await expect(page.getByText('Sparat.')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Personuppgiftsincident');
  await expect(page.locator('.clock-running')).toContainText(/7[12] h \d+ min kvar/);
  await axe();
  await page.getByRole('link', { name: 'Incidenter', exact: true }).first().click();
  await expect(page.getByRole('row').filter({ hasText: what })).toContainText('kvar');
  await axe();
  expect(errors).toEqual([]);
});

test('the information owner classifies, and confidentiality 4 is refused with a message', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  const axe = () => expectNoAxeViolations(page, browser, testInfo);
  await signIn(page, 'staff', 'Sofia Lund', '/admin/classification');
  await expect(page.getByRole('heading', { level: 1, name: 'Informationsklassning' })).toBeVisible();
  await axe();
  const row = page.locator('#c-service-ekonomiskt-bistand');
  await row.getByText('Ändra klassning').click();
  await row.getByLabel('Konfidentialitet').selectOption('4');
  await row.getByLabel('Skäl').fill('Uppgifter om ekonomi och sociala förhållanden (OSL 26 kap. 1 §).');
  await row.getByRole('button', { name: 'Spara klassning' }).click();
  await expect(page.locator('#c-service-ekonomiskt-bistand')).toContainText('hör hemma i ett särskilt system');
  await axe();
  const again = page.locator('#c-service-ekonomiskt-bistand');
  await again.getByLabel('Konfidentialitet').selectOption('3');
  await again.getByRole('button', { name: 'Spara klassning' }).click();
  await expect(page.getByText('Klassningen är sparad')).toBeVisible();
  await expect(page.locator('#c-service-ekonomiskt-bistand')).toContainText('K3 R3 T2');
  expect(errors).toEqual([]);
});

test('a protected applicant is marked on the case and the address is hidden', async ({ page, browser }, testInfo) => {
  const axe = () => expectNoAxeViolations(page, browser, testInfo);
  await signIn(page, 'staff', 'Karin Sjöberg', '/officer?service=ansok-om-hemtjanst');
  const row = page.getByRole('row').filter({ hasText: 'Kim Nyström' });
  await expect(row).toContainText('Skyddade personuppgifter');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Skyddade personuppgifter' })).toBeVisible();
  await expect(page.getByText('Hemlig adress')).toHaveCount(0);
  await expect(page.getByText('K3 R3 T2')).toBeVisible();
  await axe();
});
