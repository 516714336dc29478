import { expect, test } from '@playwright/test';

const PASSWORD = 'popcorn in the dark';
/** A 1×1 PNG: small enough to inline, real enough for the files service and the browser. */
const AVATAR_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('register, sign in, edit the profile, follow a friend, sign out', async ({ page, request }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const ann = { email: `ann-${run}@example.com`, name: `Ann ${run}` };
  const bobName = `Bob ${run}`;

  // Bob signs up elsewhere (his own client) and visits his profile once.
  const bob = await request.post('/api/auth/register', {
    data: { email: `bob-${run}@example.com`, password: PASSWORD, displayName: bobName },
  });
  expect(bob.status()).toBe(201);
  const bobToken = (await bob.json()).accessToken as string;
  expect((await request.get('/api/users/me', { headers: { Authorization: `Bearer ${bobToken}` } })).status()).toBe(200);

  // Registration explains what is wrong before it succeeds.
  await page.goto('/register');
  await page.getByLabel('Your name').fill(ann.name);
  await page.getByLabel('Email').fill('not an email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('must be a valid email address')).toBeVisible();
  await expect(page.getByText('must be at least 10 characters')).toBeVisible();
  await page.getByLabel('Email').fill(ann.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ann.name);

  // Sign out and back in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(ann.email);
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is incorrect.');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/profile$/);

  // Edit the profile; it survives a reload (the session refreshes silently from its cookie).
  await page.getByLabel('Display name').fill(`${ann.name} K`);
  await page.getByLabel('About you').fill('Film noir and long takes.');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('About you')).toHaveValue('Film noir and long takes.');
  await expect(page.getByTestId('signed-in-user')).toHaveText(`${ann.name} K`);

  // An avatar: not any file, but an image, stored in the files service and shown from there.
  await page.getByLabel('Avatar image').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert')).toContainText('Choose a PNG, JPEG, WebP or GIF image.');
  await page.getByLabel('Avatar image').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: AVATAR_PNG });
  const avatar = page.getByRole('img', { name: 'Your avatar' });
  await expect(avatar).toBeVisible();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await page.reload();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  // Find Bob and follow him.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Friends' }).click();
  await expect(page.getByText('No friends yet.')).toBeVisible();
  await page.getByRole('tab', { name: 'Find people' }).click();
  await page.getByPlaceholder('Search people by name').fill(bobName);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Follow ${bobName}` }).click();
  await expect(page.getByRole('button', { name: `Unfollow ${bobName}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Following' }).click();
  await expect(page.getByRole('list', { name: 'Following' })).toContainText(bobName);

  // Sign out: protected pages send us to sign in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
});
