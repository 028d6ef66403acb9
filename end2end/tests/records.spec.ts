// Records and interoperability, with JavaScript on and off, on SQLite and on PostgreSQL: Anna
// reads what Stadsporten holds about her and downloads her register extract (the readable copy and
// the machine-readable one); in Arabic the page reads right to left; the API's readable
// documentation is a page of its own. Every page passes axe.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchConsole } from './support';

const servers: [string, string | undefined][] = [
  ['SQLite', process.env.STADSPORTEN_E2E_URL],
  ['PostgreSQL', process.env.STADSPORTEN_E2E_PG_URL],
];

async function signIn(page: Page, base: string, name: string, to: string) {
  await page.goto(`${base}/sign-in?to=${encodeURIComponent(to)}`);
  await page.getByRole('link', { name: /Privatperson eller företag/ }).click();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

for (const [db, base] of servers) {
  test.describe(db, () => {
    test.skip(!base, `no ${db} server`);

    test(`${db}: Anna sees what is held about her and downloads her register extract`, async ({ page, browser }, testInfo) => {
      test.setTimeout(90_000);
      const errors = watchConsole(page);
      const url = base as string;
      await signIn(page, url, 'Anna Andersson', '/my');
      await page.getByRole('link', { name: 'Det här vet vi om dig' }).click();
      await expect(page).toHaveURL(new RegExp(`${url}/my/data$`));
      await expect(page.getByRole('heading', { level: 1, name: 'Det här vet vi om dig' })).toBeVisible();
      const held = page.getByRole('table', { name: /Uppgifter om dig/ });
      await expect(held.getByRole('rowheader', { name: /ärende/ })).toBeVisible();
      await expect(page.getByText(/artikel 6.1 e/)).toBeVisible();
      await expectNoAxeViolations(page, browser, testInfo);

      // The readable copy: a download, which opens on its own and names her.
      const [html] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ladda ner läsbar kopia (HTML)' }).click(),
      ]);
      expect(html.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.html$/);
      // Saved under its own name, as a browser would: the file opens as a page.
      const saved = testInfo.outputPath(html.suggestedFilename());
      await html.saveAs(saved);
      const readable = await page.context().newPage();
      await readable.goto(`file://${saved}`);
      await expect(readable.getByRole('heading', { level: 1, name: 'Registerutdrag från Stadsporten' })).toBeVisible();
      await expect(readable.getByText('Anna Andersson').first()).toBeVisible();
      await expectNoAxeViolations(readable, browser, testInfo);
      await readable.close();

      // The machine-readable copy: JSON with her profile and cases.
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ladda ner maskinläsbar kopia (JSON)' }).click(),
      ]);
      expect(json.suggestedFilename()).toMatch(/\.json$/);
      const fs = await import('node:fs/promises');
      const extract = JSON.parse(await fs.readFile((await json.path()) as string, 'utf8'));
      expect(extract.profile.name).toBe('Anna Andersson');
      expect(Array.isArray(extract.cases)).toBe(true);
      expect(extract.access_log.some((a: { by: string }) => a.by === 'self')).toBe(true);

      // In Arabic, right to left.
      await page.goto(`${url}/lang/ar?to=%2Fmy%2Fdata`);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.getByRole('heading', { level: 1, name: 'ما نعرفه عنك' })).toBeVisible();
      await expectNoAxeViolations(page, browser, testInfo);
      await page.goto(`${url}/lang/sv?to=%2F`);
      expect(errors).toEqual([]);
    });

    test(`${db}: the API's documentation is readable without a token`, async ({ page, browser }, testInfo) => {
      const url = base as string;
      await page.goto(`${url}/api/v1/docs`);
      await expect(page.getByRole('heading', { level: 1, name: 'Stadsportens API' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'GET /api/v1/units/{unit}/cases' })).toBeVisible();
      await expect(page.getByRole('link', { name: /OpenAPI 3.1/ })).toHaveAttribute('href', '/api/v1/openapi.json');
      await expectNoAxeViolations(page, browser, testInfo);
      const doc = await page.request.get(`${url}/api/v1/openapi.json`);
      expect((await doc.json()).openapi).toBe('3.1.0');
    });
  });
}
