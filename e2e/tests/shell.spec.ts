import { expect, test } from '@playwright/test';

test.describe('site shell', () => {
  test('home page shows the header, navigation and footer', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('KinoBezdna');
    await expect(page.getByRole('link', { name: 'КиноБездна, home' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Fall into a film.' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('KinoBezdna');
  });

  test('navigating between routes stays in the app and deep links work', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Films' }).click();
    await expect(page).toHaveURL(/\/films$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Films' })).toBeVisible();

    // A deep link to a page for signed-in users sends a visitor to sign in, keeping the way back.
    await page.goto('/watchlist');
    await expect(page).toHaveURL(/\/login\?next=%2Fwatchlist$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('an unknown address shows the 404 page', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('/no/such/page')).toBeVisible();
  });
});

test.describe('mobile shell', () => {
  test('loads with the bottom tab bar and an installable manifest', async ({ page, request }) => {
    await page.goto('/m/');
    const tabs = page.getByRole('navigation', { name: 'Sections' });
    await expect(tabs.getByRole('link')).toHaveCount(5);
    await tabs.getByRole('link', { name: 'Profile' }).click();
    await expect(page).toHaveURL(/\/m\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await request.get(manifestHref!)).json();
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/m/');
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
  });
});
