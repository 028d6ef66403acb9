// The contact centre, with JavaScript on and off, on SQLite and on PostgreSQL: the telephony
// platform reports a missed call (a signed event), which becomes a call-back that Lena takes and
// makes; she hands an errand over to Stadsbyggnadskontoret and Samir answers it; a view is routed
// to Miljöförvaltningen and Sara closes it, which Lena sees on the errand; she looks Anna up with a
// reason and Anna sees the look-up in Mina sidor. In Arabic, the agent's pages read right to left.
// Every page passes axe.
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import { createHmac, randomUUID } from 'node:crypto';
import { expectNoAxeViolations, watchConsole } from './support';

const servers: [string, string | undefined][] = [
  ['SQLite', process.env.STADSPORTEN_E2E_URL],
  ['PostgreSQL', process.env.STADSPORTEN_E2E_PG_URL],
];

// The development platform and secret of config/default.toml, which the e2e servers run with.
const PLATFORM = 'city-pbx';
const SECRET = 'development-only-telephony-secret-0123456789abcdef';

async function callEvent(page: Page, base: string, type: string, callId: string, caller: string, extra = {}) {
  const body = JSON.stringify({
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    call_id: callId,
    queue: 'general',
    caller,
    ...extra,
  });
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
  const res = await page.request.post(`${base}/integrations/telephony/events`, {
    headers: {
      'content-type': 'application/json',
      'telephony-platform': PLATFORM,
      'telephony-timestamp': String(ts),
      'telephony-signature': `v1=${sig}`,
    },
    data: body,
  });
  expect(res.status(), await res.text()).toBe(202);
}

async function signIn(page: Page, base: string, kind: 'resident' | 'staff', name: string, to: string) {
  await page.goto(`${base}/sign-in?to=${encodeURIComponent(to)}`);
  const choice = kind === 'resident' ? /Privatperson eller företag/ : /Medarbetare i Stockholms stad/;
  await page.getByRole('link', { name: choice }).click();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

/** A phone number of the demo range of its own for each project and database (they run side by side). */
function number(testInfo: TestInfo, db: string, n: number): string {
  const slot = (testInfo.project.name === 'no-js' ? 40 : 20) + (db === 'SQLite' ? 0 : 10) + n;
  return `070-174 06 ${String(slot).padStart(2, '0')}`;
}

for (const [db, base] of servers) {
  test.describe(db, () => {
    test.skip(!base, `no ${db} server`);

    test(`${db}: a missed call is called back, an errand handed over and answered, a view routed and closed`, async ({ page, browser }, testInfo) => {
      test.setTimeout(120_000);
      const errors = watchConsole(page);
      const url = base as string;
      const axe = () => expectNoAxeViolations(page, browser, testInfo);
      const caller = number(testInfo, db, 1);
      const shown = caller;
      await callEvent(page, url, 'queued', `e2e-${randomUUID()}`, caller);
      const missed = `e2e-${randomUUID()}`;
      await callEvent(page, url, 'offered', missed, caller);
      await callEvent(page, url, 'abandoned', missed, caller, { waited_seconds: 140 });

      await signIn(page, url, 'staff', 'Lena Berg', '/contact');
      await expect(page.getByRole('heading', { level: 1, name: 'Kontaktcenter' })).toBeVisible();
      await expect(page.locator('dt', { hasText: 'Väntande samtal' })).toBeVisible();
      await axe();

      // The call-back: take it, call, reached in time.
      await page.getByRole('navigation', { name: 'Kontaktcenter' }).getByRole('link', { name: 'Återuppringningar' }).click();
      const row = page.getByRole('row').filter({ hasText: shown });
      await expect(row).toContainText('Lade på i kön');
      await axe();
      await row.getByRole('button', { name: /^Ta/ }).click();
      await expect(page.getByText('Du har tagit återuppringningen.')).toBeVisible();
      await expect(page.getByRole('link', { name: `Ring ${shown}` })).toBeVisible();
      await axe();
      // Without an outcome: the error beside the field.
      await page.getByRole('button', { name: 'Spara försöket' }).click();
      await expect(page.getByRole('alert')).toContainText('Välj hur försöket gick.');
      await page.getByRole('radio', { name: 'Fick kontakt' }).check();
      await page.getByRole('button', { name: 'Spara försöket' }).click();
      await expect(page.getByText('Återuppringningen är klar.')).toBeVisible();

      // The caller's question goes to Stadsbyggnadskontoret, answered by phone.
      await page.getByRole('navigation', { name: 'Kontaktcenter' }).getByRole('link', { name: 'Nytt ärende' }).click();
      await page.getByRole('radio', { name: 'Telefon', exact: true }).check();
      await page.getByLabel('Vad gäller det?').selectOption('service:bygglov');
      await page.getByLabel('Telefonnummer').fill(shown);
      const question = `Behövs bygglov för en altan? (${randomUUID().slice(0, 8)})`;
      await page.getByLabel('Anteckningar').fill(question);
      await page.getByRole('radio', { name: 'Lämnat till förvaltning' }).check();
      await page.getByLabel('Förvaltning', { exact: true }).selectOption('SBK');
      await page.getByLabel('Rubrik').fill('Altan');
      await page.getByRole('radio', { name: 'Per telefon' }).check();
      await axe();
      await page.getByRole('button', { name: 'Registrera ärendet' }).click();
      await expect(page.getByText('Ärendet är registrerat.')).toBeVisible();
      const handedOver = page.locator('.timeline li', { hasText: 'Lämnat till förvaltningen som ärende' });
      const caseNumber = ((await handedOver.textContent()) ?? '').match(/SBK \d{4}\/\d+/)?.[0] ?? '';
      expect(caseNumber).not.toBe('');
      const errandUrl = page.url();
      await axe();

      // Samir answers it in his queue.
      const officerContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
      const officer = await officerContext.newPage();
      await signIn(officer, url, 'staff', 'Samir Karimi', '/officer');
      await officer.getByRole('link', { name: caseNumber }).click();
      await expect(officer.getByText(question).first()).toBeVisible();
      await officer.getByRole('button', { name: 'Börja handlägga' }).click();
      await expect(officer.getByText('Handläggningen har börjat.')).toBeVisible();
      await officer.getByRole('radio', { name: /^Bifall/ }).check();
      await officer.getByLabel('Motivering').fill('En altan under 1,8 meter kräver inte bygglov.');
      await officer.getByRole('button', { name: 'Fatta beslutet' }).click();
      await expect(officer.getByText('Beslutet är fattat')).toBeVisible();
      await officerContext.close();
      await page.goto(errandUrl);
      await expect(page.locator('.timeline')).toContainText('Förvaltningen har svarat');
      await expect(page.locator('.facts')).toContainText('Avslutat');

      // A view, routed to Miljöförvaltningen; Sara closes it and Lena sees the loop closed.
      await page.goto(`${url}/contact/errands/new`);
      await page.getByRole('radio', { name: 'Besök på medborgarkontor' }).check();
      await page.getByLabel('Vad gäller det?').selectOption('category:feedback');
      const view = `Återvinningsstationen är alltid full (${randomUUID().slice(0, 8)})`;
      await page.getByLabel('Anteckningar').fill(view);
      await page.getByRole('radio', { name: 'Synpunkt eller klagomål' }).check();
      await page.getByLabel('Förvaltning', { exact: true }).selectOption('MF');
      await page.getByRole('radio', { name: 'Klagomål', exact: true }).check();
      await page.getByRole('button', { name: 'Registrera ärendet' }).click();
      await expect(page.getByText('Synpunkten registrerad som ärende')).toBeVisible();
      const viewUrl = page.url();
      const viewCase = ((await page.locator('.timeline').textContent()) ?? '').match(/MF \d{4}\/\d+/)?.[0] ?? '';
      const saraContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
      const sara = await saraContext.newPage();
      await signIn(sara, url, 'staff', 'Sara Nilsson', '/officer');
      await sara.getByRole('link', { name: viewCase }).click();
      await sara.getByRole('button', { name: 'Börja handlägga' }).click();
      await expect(sara.getByText('Handläggningen har börjat.')).toBeVisible();
      await sara.getByRole('radio', { name: /^Bifall/ }).check();
      await sara.getByLabel('Motivering').fill('Vi tömmer stationen oftare från januari.');
      await sara.getByRole('button', { name: 'Fatta beslutet' }).click();
      await expect(sara.getByText('Beslutet är fattat')).toBeVisible();
      await saraContext.close();
      await page.goto(viewUrl);
      await expect(page.locator('.timeline')).toContainText('Förvaltningen har svarat');
      expect(errors).toEqual([]);
    });

    test(`${db}: a look-up needs a reason, and Anna sees who looked`, async ({ page, browser }, testInfo) => {
      const url = base as string;
      const axe = () => expectNoAxeViolations(page, browser, testInfo);
      await signIn(page, url, 'staff', 'Lena Berg', '/contact/lookup');
      await expect(page.getByRole('heading', { level: 1, name: 'Slå upp person' })).toBeVisible();
      await axe();
      await page.getByLabel('Personnummer').fill('19850312-9820');
      const why = `Frågar om sin förskoleansökan (${randomUUID().slice(0, 8)})`;
      await page.getByLabel('Förklaring').fill(why);
      await page.getByRole('button', { name: 'Slå upp' }).click();
      await expect(page.getByRole('alert')).toContainText('Välj ett skäl till uppslagningen.');
      await expect(page.getByLabel('Personnummer')).toHaveValue('');
      await axe();
      await page.getByLabel('Personnummer').fill('19850312-9820');
      await page.getByLabel('Skäl').selectOption('caller-asks-about-case');
      await page.getByRole('button', { name: 'Slå upp' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Anna Andersson' })).toBeVisible();
      await expect(page.getByText('Du ser bara status.')).toBeVisible();
      await axe();
      // In Arabic the agent's pages read right to left.
      await page.goto(`${url}/lang/ar?to=/contact`);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await axe();
      await page.goto(`${url}/lang/ar?to=/contact/callbacks`);
      await axe();
      await page.goto(`${url}/lang/sv?to=/contact`);

      const annaContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', locale: 'sv-SE' });
      const anna = await annaContext.newPage();
      await signIn(anna, url, 'resident', 'Anna Andersson', '/my');
      const lookups = anna.getByRole('region', { name: 'Vem har tittat på mina uppgifter' });
      await expect(lookups).toContainText(why);
      await expect(lookups).toContainText('Kontaktcenter Stockholm');
      await expect(lookups).not.toContainText('Lena Berg');
      await expectNoAxeViolations(anna, browser, testInfo);
      await anna.goto(`${url}/lang/ar?to=/my`);
      await expect(anna.locator('html')).toHaveAttribute('dir', 'rtl');
      await expectNoAxeViolations(anna, browser, testInfo);
      await annaContext.close();
    });
  });
}
