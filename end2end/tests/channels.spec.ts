// The same pages on a small phone and on a TV: no sideways scrolling, a visible focus ring, and
// keyboard (remote-control) navigation through the skip link.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, inspectAsSeen } from './support';

for (const [name, viewport] of [
  ['phone 320 px', { width: 320, height: 640 }],
  ['TV 1920×1080', { width: 1920, height: 1080 }],
] as const) {
  test(`pages fit and are accessible on a ${name}`, async ({ page, browser }, testInfo) => {
    await page.setViewportSize(viewport);
    for (const path of ['/', '/services?q=bygglov', '/services/bygglov']) {
      await page.goto(path);
      const overflow = await inspectAsSeen(page, browser, testInfo, (p) =>
        p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, browser, testInfo);
    }
  });
}

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#content$/);
});
