// The e-service engine end to end, with JavaScript on and off, on SQLite and on PostgreSQL:
// a resident applies for a preschool place with an attachment → the receipt e-mail arrives (a real
// SMTP server) → an officer of the unit requests completion → the resident answers → the officer
// decides → the resident reads the decision and answers the satisfaction question; every step is
// in the audit trail, and axe finds nothing on any page visited.
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectNoAxeViolations, watchConsole } from './support';

const servers: [string, string | undefined][] = [
  ['SQLite', process.env.STADSPORTEN_E2E_URL],
  ['PostgreSQL', process.env.STADSPORTEN_E2E_PG_URL],
];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function signIn(page: Page, base: string, kind: 'resident' | 'staff', name: string, to: string) {
  await page.goto(`${base}/sign-in?to=${encodeURIComponent(to)}`);
  const choice = kind === 'resident' ? /Privatperson eller företag/ : /Medarbetare i Stockholms stad/;
  await page.getByRole('link', { name: choice }).click();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByText(`Inloggad som ${name}`)).toBeVisible();
}

/** The receipt mail for a case number sent by the server at `base`, from the test SMTP server's Maildir. */
async function receiptMail(base: string, caseNumber: string): Promise<string> {
  const dir = path.join(process.env.STADSPORTEN_E2E_MAILDIR ?? '', 'new');
  for (let i = 0; i < 60; i++) {
    if (fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir)) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/=\r?\n/g, '');
        if (text.includes(caseNumber) && text.includes(base)) return text;
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no receipt mail for ${caseNumber} from ${base}`);
}

for (const [db, base] of servers) {
  test(`[${db}] preschool place: apply with an attachment, completion, decision, satisfaction`, async ({ browser, page }, testInfo) => {
    test.skip(!base, `no ${db} server`);
    // A long journey with three people and an accessibility check on every page.
    test.setTimeout(300_000);
    const url = base as string;
    const errors = watchConsole(page);
    const axe = () => expectNoAxeViolations(page, browser, testInfo);

    // The resident starts from the service page.
    await signIn(page, url, 'resident', 'Anna Andersson', '/services/ansok-om-forskoleplats');
    await page.getByRole('link', { name: 'Starta e-tjänsten' }).click();
    await expect(page).toHaveURL(/\/services\/ansok-om-forskoleplats\/start$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Ansök om förskoleplats' })).toBeVisible();
    await axe();
    await page.getByRole('button', { name: 'Starta ansökan' }).click();

    // Step 1, with a mistake: the error is in the summary and beside the field, the value kept.
    await expect(page.getByRole('heading', { level: 1, name: 'Barnet' })).toBeVisible();
    await page.getByLabel('Barnets för- och efternamn').fill('Lo Andersson');
    await page.getByLabel('Barnets personnummer').fill('20230315-2387');
    await page.getByRole('radio', { name: 'Nej', exact: true }).check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('kontrollera sista siffran');
    await expect(page.getByLabel('Barnets personnummer')).toHaveValue('20230315-2387');
    await axe();
    await page.getByLabel('Barnets personnummer').fill('20230315-2389');
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Välj förskolor' })).toBeVisible();
    await page.getByLabel('Förstahandsval').selectOption('forskolan-ekorren-rinkeby-kista');
    await axe();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Start och omsorgsbehov' })).toBeVisible();
    await page.getByLabel('Önskat startdatum').fill('2027-08-16');
    await page.getByLabel('Ungefärligt antal timmar i veckan').fill('40');
    await page.getByRole('checkbox', { name: 'Behov av särskilt stöd' }).check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

    // The attachment step appears because special support was ticked.
    await expect(page.getByRole('heading', { level: 1, name: 'Bilagor' })).toBeVisible();
    if (testInfo.project.name !== 'no-js') {
      // Hydrated, the upload island refuses a file over the limit before sending it (its status
      // line exists only when the island runs); without JavaScript the server refuses it.
      await page.waitForLoadState('networkidle');
      const big = Buffer.alloc(11 * 1024 * 1024);
      await page.getByLabel('Välj en fil').setInputFiles({ name: 'stor.pdf', mimeType: 'application/pdf', buffer: big });
      await page.getByRole('button', { name: 'Ladda upp filen' }).click();
      await expect(page.locator('.upload-status')).toHaveText('Filen är för stor. Den får vara högst 10 MB.');
    }
    await page.getByLabel('Välj en fil').setInputFiles({ name: 'intyg-bvc.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Ladda upp filen' }).click();
    await expect(page.getByText('intyg-bvc.pdf', { exact: true })).toBeVisible();
    await axe();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

    // Check, declare, submit.
    await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera dina svar' })).toBeVisible();
    await expect(page.getByText('Förskolan Ekorren, Rinkeby-Kista')).toBeVisible();
    await expect(page.getByText('20230315-2389')).toBeVisible();
    await axe();
    await page.getByRole('link', { name: 'Fortsätt', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Intyga och skicka in' })).toBeVisible();
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await expect(page.getByRole('alert')).toContainText('Kryssa i att du intygar');
    await axe();
    await page.getByRole('checkbox', { name: /Jag intygar/ }).check();
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ansökan är inskickad' })).toBeVisible();
    const caseNumber = (await page.locator('.case-number').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(/^UTB \d{4}\/\d{5}$/);
    await axe();
    const caseUrl = await page.getByRole('link', { name: 'Följ ärendet i Mina ärenden' }).getAttribute('href');
    const caseId = caseUrl?.split('/').pop();

    // The receipt e-mail, in Swedish, with the case number and a link to the case.
    const mail = await receiptMail(url, caseNumber);
    expect(mail).toContain('To: anna.andersson@example.se');
    expect(mail).toContain(`${url}/my/cases/${caseId}`);

    // The officer of UTB: queue, case, start, request completion.
    const officerContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
    const officer = await officerContext.newPage();
    const officerAxe = () => expectNoAxeViolations(officer, browser, testInfo);
    await signIn(officer, url, 'staff', 'Karin Sjöberg', '/officer');
    await expect(officer.getByRole('heading', { level: 1, name: 'Ärendekö' })).toBeVisible();
    await officerAxe();
    await officer.getByRole('link', { name: caseNumber }).click();
    await expect(officer.getByRole('heading', { level: 1 })).toContainText(caseNumber);
    await officerAxe();
    await officer.getByRole('button', { name: 'Börja handlägga' }).click();
    await expect(officer.getByText('Handläggningen har börjat.')).toBeVisible();
    await officer.getByText('Begär komplettering').click();
    await officer.getByLabel('Vad behöver sökanden komplettera?').fill('Skicka intyget från BVC med underskrift.');
    await officer.getByRole('button', { name: 'Skicka begäran' }).click();
    await expect(officer.getByText('Begäran om komplettering är skickad.')).toBeVisible();
    await officerAxe();

    // The resident answers online.
    await page.goto(`${url}/my/cases/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Vi behöver fler uppgifter från dig' })).toBeVisible();
    await axe();
    await page.getByLabel('Ditt svar').fill('Här är intyget med underskrift.');
    await page.locator('#completion-file').setInputFiles({ name: 'intyg-signerat.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await expect(page.getByText('Kompletteringen är skickad')).toBeVisible();

    // The officer decides.
    await officer.reload();
    await expect(officer.getByText('Här är intyget med underskrift.').first()).toBeVisible();
    await officer.getByRole('radio', { name: /^Bifall/ }).check();
    await officer.getByLabel('Motivering').fill('Lo erbjuds plats på Förskolan Ekorren från den 16 augusti.');
    // A preschool place is an offer: what is offered, and from when.
    await officer.locator('#decide-offer-what').fill('Förskolan Ekorren, avdelning Blå');
    await officer.locator('#decide-offer-starts').fill('2027-08-16');
    await officer.getByRole('button', { name: 'Fatta beslutet' }).click();
    await expect(officer.getByText('Beslutet är fattat')).toBeVisible();
    await officerAxe();
    await officerContext.close();

    // The resident reads the decision and answers the satisfaction question.
    await page.goto(`${url}/my/cases/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Beslut: Bifall' })).toBeVisible();
    await expect(page.getByText('Lo erbjuds plats på Förskolan Ekorren')).toBeVisible();
    await expect(page.getByText('Förskola och avdelning: Förskolan Ekorren, avdelning Blå')).toBeVisible();
    await axe();
    // She accepts the offer, once.
    await page.getByRole('button', { name: 'Tacka ja till erbjudandet' }).click();
    await expect(page.getByText('Du har tackat ja till erbjudandet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tacka ja till erbjudandet' })).toHaveCount(0);
    await axe();
    await page.getByRole('link', { name: 'Skriv ut beslutet' }).click();
    await expect(page.getByText('Karin Sjöberg')).toBeVisible();
    await axe();
    await page.goto(`${url}/my/cases/${caseId}`);
    await page.getByRole('radio', { name: '5 – Mycket nöjd' }).check();
    await page.locator('#survey-useful').getByRole('radio', { name: /^7/ }).check();
    await page.locator('#survey-easy').getByRole('radio', { name: /^6/ }).check();
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(page.getByText('Tack för ditt svar!')).toBeVisible();
    await axe();

    // Every step is in the audit trail (the auditor's view of this case).
    const auditorContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
    const auditor = await auditorContext.newPage();
    await signIn(auditor, url, 'staff', 'Ingrid Wall', `/admin/audit?object_type=case&object_id=${caseId}`);
    const rows = auditor.locator('table tbody tr');
    await expect(rows.first()).toBeVisible();
    const trail = (await rows.allTextContents()).join('\n');
    for (const reason of ['submitted ansok-om-forskoleplats', 'start', 'request-completion', 'complete', 'decide']) {
      expect(trail, `the trail names ${reason}`).toContain(reason);
    }
    expect(trail).toContain('Karin Sjöberg');
    expect(trail).toContain('Anna Andersson');
    await expectNoAxeViolations(auditor, browser, testInfo);
    await auditorContext.close();

    if (testInfo.project.name === 'hydrated') expect(errors).toEqual([]);
  });
}
