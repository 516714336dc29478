import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const PASSWORD = 'popcorn in the dark';

/** axe on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. */
async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  // soft: one run reports every page's problems, not only the first page's
  expect.soft(blocking, `axe on ${where}`).toEqual([]);
}

async function register(page: Page) {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const response = await page.request.post('/api/auth/register', {
    data: { email: `a11y-${run}@example.com`, password: PASSWORD, displayName: `Keys ${run}` },
  });
  expect(response.status()).toBe(201);
  const session = await response.json();
  return { id: session.user.id as string, auth: { Authorization: `Bearer ${session.accessToken as string}` } };
}

/** Presses Tab until the element has the focus, as a keyboard user would; the focus must show. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, 'the focused element shows an outline').not.toBe('none');
      return;
    }
  }
  throw new Error(`${target} was not reached in ${most} presses of Tab`);
}

async function firstFilmPath(page: Page) {
  await page.goto('/search?q=nosferatu');
  const href = await page.getByTestId('film-tile').first().getAttribute('href');
  expect(href).toMatch(/^\/films\//);
  return href!;
}

test('every page of the site has no serious accessibility problem, for visitors and users', async ({ page }) => {
  test.setTimeout(120_000);
  const film = await firstFilmPath(page);
  const visitorPages: [string, string][] = [
    ['/', 'heading'],
    ['/films', 'film-tile'],
    ['/search?q=nosferatu', 'film-tile'],
    [film, 'film-video'],
    ['/login', 'heading'],
    ['/register', 'heading'],
    ['/status', 'table'],
    ['/no/such/page', 'heading'],
  ];
  for (const [path, ready] of visitorPages) {
    await page.goto(path);
    await (ready === 'heading' ? page.getByRole('heading', { level: 1 }) : ready === 'table' ? page.getByRole('table').first() : page.getByTestId(ready).first()).waitFor();
    await expectAccessible(page, path);
  }

  const user = await register(page);
  const offers = await (await page.request.get(`/api/catalog${film}`)).json();
  const sku = offers.offers[0].sku as number;
  expect((await page.request.post(`/api/cart/user/${user.id}/cart/${sku}`, { headers: user.auth, data: { count: 1 } })).ok()).toBe(true);
  const userPages: [string, string][] = [
    ['/profile', 'Profile'],
    ['/settings', 'Settings'],
    ['/friends', 'Friends'],
    ['/watchlist', 'Want to watch'],
    ['/cart', 'Cart'],
    ['/orders', 'Orders'],
    ['/files', 'My files'],
    ['/support/reviews', 'Review moderation'],
    [film, 'Nosferatu'],
  ];
  await page.goto('/');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  for (const [path, heading] of userPages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.getByRole('status').filter({ hasText: /Loading/ }).waitFor({ state: 'detached' });
    await expectAccessible(page, `${path} (signed in)`);
  }

  // The notification panel and the Russian pages too.
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeVisible();
  await expectAccessible(page, 'the notification panel');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Провалитесь в кино.');
  await expectAccessible(page, '/ in Russian');
});

test('every screen of the mobile app has no serious accessibility problem', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 915 });
  for (const path of ['/m/', '/m/search', '/m/chat', '/m/stats', '/m/profile', '/m/no-such-screen']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, path);
  }
});

test('search, open a film and play it with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search$/);
  const box = page.getByLabel('Search films by title');
  await tabTo(page, box);
  await page.keyboard.type('nosferatu');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=nosferatu/);
  const tile = page.getByTestId('film-tile').first();
  await expect(tile).toContainText('Nosferatu');
  await tabTo(page, tile);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nosferatu');

  // The player is labelled with the film and plays from the keyboard (Space on the focused video).
  const video = page.getByTestId('film-video');
  await expect(video).toHaveAttribute('aria-label', 'Video: Nosferatu');
  await video.evaluate((v: HTMLVideoElement) => (v.muted = true));
  await tabTo(page, video);
  await page.keyboard.press('Space');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(1);
});

test('from the cart to a placed order with the keyboard alone', async ({ page }) => {
  const user = await register(page);
  const film = await firstFilmPath(page);
  const details = await (await page.request.get(`/api/catalog${film}`)).json();
  const sku = details.offers[0].sku as number;
  expect((await page.request.post(`/api/cart/user/${user.id}/cart/${sku}`, { headers: user.auth, data: { count: 1 } })).ok()).toBe(true);

  await page.goto('/');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await tabTo(page, page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Cart' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cart$/);
  const checkout = page.getByRole('button', { name: 'Checkout' });
  await tabTo(page, checkout);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\?placed=\d+/);
  await expect(page.getByRole('status').filter({ hasText: /is placed/ })).toBeVisible();
});
