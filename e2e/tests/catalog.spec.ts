import { expect, test } from '@playwright/test';

test('search with a typo, filter by genre, play the film, like it and keep it to watch', async ({ page }) => {
  // A fresh viewer; registering through the page's own request context leaves the session cookie.
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const registered = await page.request.post('/api/auth/register', {
    data: { email: `viewer-${run}@example.com`, password: 'popcorn in the dark', displayName: `Viewer ${run}` },
  });
  expect(registered.status()).toBe(201);

  await page.goto('/');
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Viewer ${run}`);
  // The home page's rows fill from the catalog's demo library.
  await expect(page.getByRole('region', { name: 'New' }).getByTestId('film-tile').first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search films by title').fill('Nosferatuu');
  await page.getByLabel('Search films by title').press('Enter');
  await expect(page).toHaveURL(/q=Nosferatuu/);
  const first = page.getByTestId('film-tile').first();
  await expect(first).toContainText('Nosferatu');
  await expect(page.getByRole('status').filter({ hasText: 'Showing results for' })).toContainText('“nosferatu”');

  // Horror narrows the hits; the chip says how many films it holds.
  const horror = page.getByRole('group', { name: 'Genres' }).getByRole('button', { name: /^Horror \d+$/ });
  await horror.click();
  await expect(horror).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/genre=horror/);
  await expect(page.getByTestId('film-tile').first()).toContainText('Nosferatu');
  // A genre with no hit for this text cannot be picked.
  await expect(page.getByRole('group', { name: 'Genres' }).getByRole('button', { name: /^Musical 0$/ })).toBeDisabled();

  await page.getByTestId('film-tile').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nosferatu');
  await expect(page.getByText('F. W. Murnau')).toBeVisible();
  await expect(page.getByRole('region', { name: 'How to watch' })).toContainText('Included');

  const video = page.getByTestId('film-video');
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  await video.evaluate((v: HTMLVideoElement) => v.pause());

  // Like it and keep it to watch: the buttons show what ugc stored.
  await page.getByRole('button', { name: /Like/ }).click();
  await expect(page.getByRole('button', { name: /Liked/ })).toHaveAttribute('aria-pressed', 'true');

  // A review waits for support: its author sees that, visitors do not see it yet.
  await page.getByRole('textbox', { name: 'Your review' }).fill('Shadows that still crawl up the stairs.');
  await page.getByRole('button', { name: 'Post review' }).click();
  await expect(page.getByText(/Awaiting moderation/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update review' })).toBeVisible();
  await page.getByRole('button', { name: /Want to watch/ }).click();
  await expect(page.getByRole('button', { name: /In “Want to watch”/ })).toHaveAttribute('aria-pressed', 'true');

  // Back on the page later, the player offers to resume where it stopped.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Liked/ })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Want to watch' }).click();
  await expect(page.getByRole('list', { name: 'Films you want to watch' }).getByTestId('film-tile')).toHaveText([/Nosferatu/]);
});

test('the catalog fits a 360 px phone and answers a search that finds nothing', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/films?q=zzqqxxyy');
  await expect(page.getByRole('heading', { name: 'No films found' })).toBeVisible();
  await page.goto('/films?genre=silent');
  await expect(page.getByTestId('film-tile').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(page.getByTestId('film-tile')).not.toHaveCount(24);
});
