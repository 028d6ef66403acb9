// The single window end to end, with JavaScript on and off, on SQLite and on PostgreSQL:
// "open a restaurant with alcohol, outdoor seating and a sign" → the guide lists the five permits
// → one application with the shared facts once and one floor plan for two permits → cases in four
// units' queues and a referral e-mail to the Police (a real SMTP server) → each officer decides
// (the serving licence waits for the food registration) → the coordinator records the Police's
// answer → the entrepreneur's one status page reads "all decided"; the auditor finds the steps;
// axe finds nothing on any page visited.
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectNoAxeViolations, watchConsole } from './support';

const servers: [string, string | undefined][] = [
  ['SQLite', process.env.STADSPORTEN_E2E_URL],
  ['PostgreSQL', process.env.STADSPORTEN_E2E_PG_URL],
];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const RESTAURANT =
  'activity=restaurant&district=sodermalm&address=G%C3%B6tgatan+12&food=yes&alcohol=yes&alcohol_until=0100' +
  '&outdoor_seating=yes&sign=yes&flammable=no&music=background&tobacco=no';

async function signIn(page: Page, base: string, kind: 'resident' | 'staff', name: string, to: string) {
  await page.goto(`${base}/sign-in?to=${encodeURIComponent(to)}`);
  const choice = kind === 'resident' ? /Privatperson eller företag/ : /Medarbetare i Stockholms stad/;
  await page.getByRole('link', { name: choice }).click();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByText(`Inloggad som ${name}`)).toBeVisible();
}

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The referral mail to the Police for a case number, from the test SMTP server's Maildir. */
async function referralMail(caseNumber: string): Promise<string> {
  const dir = path.join(process.env.STADSPORTEN_E2E_MAILDIR ?? '', 'new');
  for (let i = 0; i < 60; i++) {
    if (fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir)) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/=\r?\n/g, '');
        if (text.includes(caseNumber) && text.includes('tillstand.stockholm@polisen.example.se')) return text;
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no referral mail for ${caseNumber}`);
}

/** Each permit's own questions, by the step's form fields. */
async function answerPermit(page: Page) {
  const has = async (name: string) => (await page.locator(`[name="${name}"]`).count()) > 0;
  if (await has('portions')) {
    await page.locator('input[name="handling"][value="cooking"]').check();
    await page.locator('[name="portions"]').fill('120');
    await page.locator('input[name="water"][value="municipal"]').check();
  } else if (await has('serving_hours')) {
    await page.locator('[name="serving_hours"]').selectOption('11-01');
    await page.locator('[name="guests"]').fill('60');
    await page.locator('[name="responsible_person"]').fill('Erik Lind');
  } else if (await has('area_m2')) {
    await page.locator('[name="area_m2"]').fill('20');
    await page.locator('input[name="season"][value="summer"]').check();
  } else if (await has('place_description')) {
    await page.locator('[name="place_description"]').fill('Trottoaren utanför Götgatan 12, 2 x 10 meter');
    await page.locator('[name="period_from"]').fill(day(70));
    await page.locator('[name="period_until"]').fill(day(250));
  } else if (await has('sign_kind')) {
    await page.locator('input[name="sign_kind"][value="flat"]').check();
    await page.locator('[name="size"]').fill('2 x 0,5 m');
  } else {
    throw new Error(`unexpected permit step at ${page.url()}`);
  }
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
}

async function officerDecides(browser: Browser, testInfo: TestInfo, url: string, name: string, caseNumber: string, expectHeld = false) {
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
  const officer = await context.newPage();
  await signIn(officer, url, 'staff', name, '/officer');
  await officer.getByRole('link', { name: caseNumber, exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText(caseNumber);
  await expect(officer.getByRole('heading', { name: 'Del av en samlad ansökan' })).toBeVisible();
  if (await officer.getByRole('button', { name: 'Börja handlägga' }).count()) {
    await officer.getByRole('button', { name: 'Börja handlägga' }).click();
    await expect(officer.getByText('Handläggningen har börjat.')).toBeVisible();
  }
  await officer.getByText('Fatta beslut').first().click();
  await officer.getByRole('radio', { name: /^Bifall/ }).check();
  await officer.getByLabel('Motivering').fill('Beviljas enligt ansökan och gällande föreskrifter.');
  await officer.getByRole('button', { name: 'Fatta beslutet' }).click();
  if (expectHeld) {
    await expect(officer.getByText('väntar på ett annat tillstånd i samma ansökan')).toBeVisible();
    await expect(officer.getByText('Väntar på: Registrering av livsmedelsanläggning')).toBeVisible();
  } else {
    await expect(officer.getByText('Beslutet är fattat')).toBeVisible();
  }
  await expectNoAxeViolations(officer, browser, testInfo);
  await context.close();
}

for (const [db, base] of servers) {
  test(`[${db}] a restaurant applies once for five permits and follows one status to all decided`, async ({ browser, page }, testInfo) => {
    test.skip(!base, `no ${db} server`);
    test.setTimeout(420_000);
    const url = base as string;
    const errors = watchConsole(page);
    const axe = () => expectNoAxeViolations(page, browser, testInfo);

    // The guide's result offers one application for the company Erik represents.
    await signIn(page, url, 'resident', 'Erik Lind', `/business?${RESTAURANT}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Verksamheten behöver 5 tillstånd och anmälningar' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Linds Krog AB (559123-4561)' })).toBeChecked();
    await axe();
    await page.getByRole('button', { name: 'Starta en ansökan för alla 5 tillstånd' }).click();

    // The task list.
    await expect(page.getByRole('heading', { level: 1, name: 'Din ansökan' })).toBeVisible();
    await expect(page.getByText('0 av 7 delar klara.')).toBeVisible();
    await axe();

    // Shared facts once: a mistake is explained and kept, then corrected.
    await page.getByRole('link', { name: 'Gemensamma uppgifter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gemensamma uppgifter' })).toBeVisible();
    await page.getByLabel('Gatuadress').fill('Götgatan 12');
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByLabel('Gatuadress')).toHaveValue('Götgatan 12');
    await axe();
    await page.getByLabel('Postnummer').fill('116 46');
    await page.getByLabel('Ort').fill('Stockholm');
    await page.locator('[name="opening_date"]').fill(day(60));
    await page.locator('[name="contact_phone"]').fill('070-123 45 67');
    await page.locator('[name="opening_hours"]').fill('mån–sön 11–01');
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await expect(page.getByText('Dina uppgifter är sparade.')).toBeVisible();

    // Each permit's own questions, without the shared ones.
    for (const permit of ['Registrering av livsmedelsanläggning', 'Serveringstillstånd', 'Uteservering på offentlig plats', 'Polistillstånd att använda offentlig plats', 'Skyltlov']) {
      await page.getByRole('link', { name: permit, exact: true }).click();
      // The permit's own step page, before its fields are looked for (the task list has none).
      await page.waitForURL(/\/apply\/[0-9a-f]{64}\/step\//);
      await expect(page.locator('[name="premises_address.street"]')).toHaveCount(0);
      await answerPermit(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Din ansökan' })).toBeVisible();
    }
    await axe();

    // Documents once: the floor plan serves the food registration and the serving licence.
    await page.getByRole('link', { name: 'Dokument', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dokument' })).toBeVisible();
    const floorPlan = page.locator('section.document', { has: page.locator('#doc-floor-plan') });
    await expect(floorPlan).toContainText('Behövs för: Registrering av livsmedelsanläggning, Serveringstillstånd');
    await axe();
    for (const key of ['floor-plan', 'menu', 'lease', 'site-plan', 'sign-drawing']) {
      const section = page.locator('section.document', { has: page.locator(`#doc-${key}`) });
      await section.locator(`#doc-${key}`).setInputFiles({ name: `${key}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await section.getByRole('button', { name: 'Ladda upp filen' }).click();
      await expect(page.locator('section.document', { hasText: `${key}.pdf` })).toBeVisible();
    }
    await page.getByRole('link', { name: 'Tillbaka till ansökan' }).click();
    await expect(page.getByText('7 av 7 delar klara.')).toBeVisible();

    // Check, declare, submit once.
    await page.getByRole('link', { name: 'Kontrollera och skicka in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera din ansökan' })).toBeVisible();
    await expect(page.getByText('Erik Lind').first()).toBeVisible();
    await axe();
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByLabel('Jag intygar att uppgifterna är riktiga').check();
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await expect(page.getByText('Tack! Din ansökan är inskickad.')).toBeVisible();
    await expect(page.locator('#bundle-progress')).toHaveText('0 av 5 tillstånd beslutade');
    await expect(page.getByText('Väntar på: Registrering av livsmedelsanläggning')).toBeVisible();
    await axe();
    const status = page.url().split('?')[0];
    const caseOf = async (permit: string) =>
      (await page.locator('table.parts tr', { has: page.getByRole('rowheader', { name: permit, exact: true }) }).locator('td').nth(1).innerText()).trim();
    const food = await caseOf('Registrering av livsmedelsanläggning');
    const licence = await caseOf('Serveringstillstånd');
    const seating = await caseOf('Uteservering på offentlig plats');
    const police = await caseOf('Polistillstånd att använda offentlig plats');
    const sign = await caseOf('Skyltlov');
    expect(food).toMatch(/^MF \d{4}\/\d{5}$/);
    expect(licence).toMatch(/^TILL /);
    expect(seating).toMatch(/^TK /);
    expect(police).toMatch(/^FL /);
    expect(sign).toMatch(/^SBK /);

    // The referral reached the Police's registry by e-mail.
    const mail = await referralMail(police);
    expect(mail).toContain('Linds Krog AB');
    // The application itself travels with the referral.
    expect(mail).toContain('Trottoaren utanf');

    // Four units decide; the serving licence only after the food registration.
    await officerDecides(browser, testInfo, url, 'Omar Haddad', licence, true);
    await officerDecides(browser, testInfo, url, 'Sara Nilsson', food);
    await officerDecides(browser, testInfo, url, 'Omar Haddad', licence);
    await officerDecides(browser, testInfo, url, 'Tove Lund', seating);
    await officerDecides(browser, testInfo, url, 'Samir Karimi', sign);
    await page.goto(status);
    await expect(page.locator('#bundle-progress')).toHaveText('4 av 5 tillstånd beslutade');

    // The coordinator sees every part, writes to Erik for all units and records the Police's answer.
    const coordinatorContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
    const fia = await coordinatorContext.newPage();
    await signIn(fia, url, 'staff', 'Fia Ström', '/officer/bundles');
    await expect(fia.getByRole('heading', { level: 1, name: 'Samlade ansökningar' })).toBeVisible();
    await expectNoAxeViolations(fia, browser, testInfo);
    const bundleNumber = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Samlad ansökan ', '').trim();
    await fia.getByRole('link', { name: bundleNumber, exact: true }).click();
    await expect(fia.locator('#bundle-progress')).toHaveText('4 av 5 tillstånd beslutade');
    await fia.getByLabel('Skriv till den sökande (för alla förvaltningar)').fill('Hej Erik! Polisen har svarat, jag för in beslutet nu.');
    await fia.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await expect(fia.getByText('Meddelandet är skickat.')).toBeVisible();
    const referral = fia.locator('form[id^="referral-"]');
    await referral.getByRole('radio', { name: 'Bifall', exact: true }).check();
    await referral.getByLabel('Myndighetens beslut i korthet').fill('Polisens beslut A-123/2026: tillstånd 1 april–30 september.');
    await referral.getByRole('button', { name: 'Registrera svaret' }).click();
    await expect(fia.getByText('Myndighetens svar är registrerat.')).toBeVisible();
    await expect(fia.locator('#bundle-progress')).toHaveText('Alla tillstånd är beslutade');
    await expectNoAxeViolations(fia, browser, testInfo);
    await coordinatorContext.close();

    // One status: all decided, the decisions collected, the coordinator's message in the inbox.
    await page.goto(status);
    await expect(page.locator('#bundle-progress')).toHaveText('Alla tillstånd är beslutade');
    await expect(page.getByRole('link', { name: /^Läs beslutet/ })).toHaveCount(5);
    await expect(page.getByText('Polisen har svarat')).toBeVisible();
    await axe();

    // The auditor finds the bundle's steps.
    const auditorContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
    const auditor = await auditorContext.newPage();
    const id = status.split('/').pop();
    await signIn(auditor, url, 'staff', 'Ingrid Wall', `/admin/audit?object_type=bundle&object_id=${id}`);
    const rows = auditor.locator('table tbody tr');
    await expect(rows.first()).toBeVisible();
    const trail = (await rows.allTextContents()).join('\n');
    expect(trail).toContain('Erik Lind');
    expect(trail).toContain('Fia Ström');
    await expectNoAxeViolations(auditor, browser, testInfo);
    await auditorContext.close();

    if (testInfo.project.name === 'hydrated') expect(errors).toEqual([]);
  });
}
