// The business guide end to end, with JavaScript on and off, in Swedish (SQLite and PostgreSQL)
// and Arabic (right to left): "open a restaurant with alcohol, outdoor seating and a sign" →
// the guide lists the five permits in order with the dependency shown → the printable checklist;
// an answer left out is explained; axe finds nothing on any page visited.
import { test, expect, type Page, type Browser, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, watchConsole } from './support';

const servers: [string, string | undefined][] = [
  ['SQLite', process.env.STADSPORTEN_E2E_URL],
  ['PostgreSQL', process.env.STADSPORTEN_E2E_PG_URL],
];

/** What the entrepreneur reads and answers, per language. */
const texts = {
  sv: {
    langLink: 'Svenska',
    next: 'Nästa',
    missing: 'Svara på frågan: Vad ska verksamheten göra?',
    answers: [
      ['Vad ska verksamheten göra?', 'Restaurang'],
      ['I vilken stadsdel?', 'Södermalm'],
      ['Ska ni hantera, servera eller sälja livsmedel?', 'Ja'],
      ['Ska ni servera alkohol?', 'Ja'],
      ['Vill ni ha uteservering på trottoar eller torg?', 'Ja'],
      ['Ska ni sätta upp en skylt på fasaden?', 'Ja'],
      ['Till vilken tid vill ni servera alkohol?', '01.00'],
    ],
    address: 'Adress (om du vet den)',
    five: 'Verksamheten behöver 5 tillstånd och anmälningar',
    permits: [
      'Registrering av livsmedelsanläggning',
      'Serveringstillstånd',
      'Uteservering på offentlig plats',
      'Polistillstånd att använda offentlig plats',
      'Skyltlov',
    ],
    waits: 'Väntar på: Registrering av livsmedelsanläggning',
    checklist: 'Utskriftsvänlig checklista',
    checklistTitle: 'Checklista för tillstånd',
  },
  ar: {
    langLink: 'العربية',
    next: 'التالي',
    missing: 'أجب عن السؤال: ما هو نشاط المشروع؟',
    answers: [
      ['ما هو نشاط المشروع؟', 'مطعم'],
      ['في أي حي؟', 'Södermalm'],
      ['هل ستتعاملون مع الأغذية أو تقدمونها أو تبيعونها؟', 'نعم'],
      ['هل ستقدمون الكحول؟', 'نعم'],
      ['هل تريدون جلسات خارجية على الرصيف أو في ساحة؟', 'نعم'],
      ['هل ستضعون لافتة على واجهة المبنى؟', 'نعم'],
      ['حتى أي ساعة تريدون تقديم الكحول؟', '01:00'],
    ],
    address: 'العنوان (إن كنت تعرفه)',
    five: 'يحتاج النشاط إلى 5 تصاريح وإشعارات',
    permits: ['تسجيل منشأة غذائية', 'ترخيص تقديم الكحول', 'جلسات خارجية في مكان عام', 'ترخيص الشرطة لاستخدام مكان عام', 'ترخيص لافتة'],
    waits: 'بانتظار: تسجيل منشأة غذائية',
    checklist: 'قائمة تحقق للطباعة',
    checklistTitle: 'قائمة تحقق التصاريح',
  },
};

/** Answers every question the guide shows, page by page, until the result. */
async function walkTheGuide(page: Page, lang: 'sv' | 'ar', axe: () => Promise<void>) {
  const t = texts[lang];
  const other: Record<string, string> = { sv: 'Nej', ar: 'لا' };
  for (let pages = 0; pages < 12; pages++) {
    const form = page.locator('form.guide-form');
    if ((await form.count()) === 0) return;
    const groups = form.locator('fieldset');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const legend = (await group.locator('legend').innerText()).trim();
      const answer = t.answers.find(([q]) => legend.startsWith(q));
      if (answer) {
        await group.getByRole('radio', { name: answer[1], exact: true }).check();
      } else {
        // Everything else (flammable goods, music, tobacco): no.
        await group.getByRole('radio', { name: other[lang], exact: true }).check();
      }
    }
    const address = form.getByLabel(t.address);
    if ((await address.count()) > 0) await address.fill('Götgatan 12');
    await axe();
    // Wait for the next page before looking for its form: every page of the guide has an
    // address of its own (the answers so far), and a busy machine may still show this one.
    const before = page.url();
    await page.getByRole('button', { name: t.next }).click();
    await page.waitForURL((u) => u.toString() !== before);
  }
  throw new Error('the guide did not end');
}

async function restaurant(page: Page, browser: Browser, testInfo: TestInfo, url: string, lang: 'sv' | 'ar') {
  const t = texts[lang];
  const axe = () => expectNoAxeViolations(page, browser, testInfo);
  await page.goto(`${url}/business`);
  if (lang === 'ar') {
    await page.getByRole('link', { name: t.langLink }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  }
  // Sent without an answer: the question says so, beside it and in the summary.
  await page.getByRole('button', { name: t.next }).click();
  await expect(page.getByRole('alert')).toContainText(t.missing);
  await axe();
  await walkTheGuide(page, lang, axe);
  await expect(page.getByRole('heading', { level: 1, name: t.five })).toBeVisible();
  const headings = page.locator('.permit-list h3');
  await expect(headings).toHaveText(t.permits);
  await expect(page.locator('#permit-alcohol-licence')).toContainText(t.waits);
  await axe();
  await page.getByRole('link', { name: t.checklist }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.checklistTitle })).toBeVisible();
  await expect(page.locator('.checklist > li')).toHaveCount(5);
  await axe();
}

for (const [db, base] of servers) {
  test(`[${db}] a restaurant with alcohol, outdoor seating and a sign needs five permits`, async ({ browser, page }, testInfo) => {
    test.skip(!base, `no ${db} server`);
    test.setTimeout(180_000);
    const errors = watchConsole(page);
    await restaurant(page, browser, testInfo, base as string, 'sv');
    expect(errors).toEqual([]);
  });
}

test('[SQLite] the guide in Arabic, right to left', async ({ browser, page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  await restaurant(page, browser, testInfo, process.env.STADSPORTEN_E2E_URL as string, 'ar');
  expect(errors).toEqual([]);
});
