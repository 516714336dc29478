import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

const PASSWORD = 'popcorn in the dark';

/** The pictures the README shows, retaken by every run. */
function screenshot(page: Page, name: string) {
  return page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'screenshots', `${name}.png`) });
}

/** Home, search and the film page of Nosferatu, checking each speaks the expected language. */
async function tour(page: Page, lang: 'ru' | 'en') {
  const text = {
    ru: { heading: 'Провалитесь в кино.', main: 'Основное', search: 'Поиск', label: 'Поиск фильмов по названию', newRow: 'Новинки', query: 'носферату', tile: 'Носферату', title: 'Носферату. Симфония ужаса', duration: '1 ч 34 мин', genre: 'Ужасы', watch: 'Как посмотреть' },
    en: { heading: 'Fall into a film.', main: 'Main', search: 'Search', label: 'Search films by title', newRow: 'New', query: 'nosferatu', tile: 'Nosferatu', title: 'Nosferatu', duration: '1 h 34 min', genre: 'Horror', watch: 'How to watch' },
  }[lang];
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.heading);
  await expect(page.getByRole('region', { name: text.newRow }).getByTestId('film-tile').first()).toBeVisible();
  await screenshot(page, `home-${lang}`);

  await page.getByRole('navigation', { name: text.main }).getByRole('link', { name: text.search }).click();
  await page.getByLabel(text.label).fill(text.query);
  await page.getByLabel(text.label).press('Enter');
  await expect(page.getByTestId('film-tile').first()).toContainText(text.tile);
  await screenshot(page, `search-${lang}`);

  await page.getByTestId('film-tile').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
  await expect(page.locator('.film-page__meta')).toContainText(text.duration);
  await expect(page.getByRole('list', { name: lang === 'ru' ? 'Жанры' : 'Genres' })).toContainText(text.genre);
  await expect(page.getByRole('region', { name: text.watch })).toBeVisible();
  await expect(page.locator('.film-page__poster')).toBeVisible();
  await screenshot(page, `film-${lang}`);
}

test.describe('a visitor whose browser prefers Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('sees the site, the films and the errors in Russian, and switches to English without a reload', async ({ page }) => {
    await tour(page, 'ru');

    // The switch re-renders this very page: a mark left on the window survives it.
    await page.evaluate(() => Object.assign(window, { kbSamePage: true }));
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nosferatu');
    await expect(page.getByRole('region', { name: 'How to watch' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { kbSamePage?: boolean }).kbSamePage)).toBe(true);

    // The choice is remembered in this browser; back in Russian, a refused sign-in explains itself.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.goto('/login');
    await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.com`);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert')).toHaveText('Неверный email или пароль.');
  });
});

test.describe('a visitor whose browser prefers English', () => {
  test.use({ locale: 'en-GB' });

  test('sees the site and the films in English', async ({ page }) => {
    await tour(page, 'en');
  });
});

test('a signed-in user\'s language setting wins over the browser, and the header switch saves it', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const registered = await page.request.post('/api/auth/register', {
    data: { email: `lang-${run}@example.com`, password: PASSWORD, displayName: `Lang ${run}` },
  });
  expect(registered.status()).toBe(201);
  const auth = { Authorization: `Bearer ${(await registered.json()).accessToken as string}` };
  const me = async () => (await (await page.request.get('/api/users/me', { headers: auth })).json()) as { settings: Record<string, unknown> };
  const settings = (await me()).settings;
  expect((await page.request.put('/api/users/me/settings', { headers: auth, data: { ...settings, language: 'ru' } })).ok()).toBe(true);

  await page.goto('/');
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Lang ${run}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Провалитесь в кино.');

  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fall into a film.');
  await expect.poll(async () => (await me()).settings.language).toBe('en');
});
