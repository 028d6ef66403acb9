// Interoperability: staff sign-in and sign-out against a third-party certified OpenID provider
// (npm oidc-provider), through its own pages, with JavaScript on and off. scripts/e2e.sh starts the
// provider and a second Stadsporten configured for it, and passes its address here.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './support';

const service = process.env.STADSPORTEN_INTEROP_URL;

test('a member of staff signs in and out through oidc-provider', async ({ page, browser }, testInfo) => {
  test.skip(!service, 'STADSPORTEN_INTEROP_URL is not set (scripts/e2e.sh sets it)');
  const user = `staff-${testInfo.project.name}`;
  await page.goto(`${service}/sign-in?to=%2F`);
  await page.getByRole('link', { name: /Medarbetare i Stockholms stad/ }).click();
  // The provider's own login page (devInteractions): any user name and password.
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').first().click();
  // Consent, the first time.
  const consent = page.locator('button[type="submit"]', { hasText: /Continue/i });
  if (await consent.count()) await consent.first().click();
  await expect(page.getByText(`Inloggad som Interop ${user}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${service}/$`));
  await expectNoAxeViolations(page, browser, testInfo);
  // Sign-out ends the session here and, after the provider's confirmation, there too.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/session\/end/);
  await page.locator('button[autofocus], button[type="submit"]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${service}/signed-out`));
  await expect(page.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeVisible();
  const after = await page.goto(`${service}/admin/access`);
  expect(after?.status()).toBe(401);
});
