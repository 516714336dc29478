import { expect, test } from '@playwright/test';
import path from 'node:path';

const samples = path.resolve(__dirname, '../../services/files/src/test/resources/samples');

test('upload an mp3 and a video, read their metadata, edit a field, play the video with seeking', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const registered = await page.request.post('/api/auth/register', {
    data: { email: `files-${run}@example.com`, password: 'popcorn in the dark', displayName: `Collector ${run}` },
  });
  expect(registered.status()).toBe(201);

  await page.goto('/files');
  await expect(page.getByText('No files yet')).toBeVisible();
  await page.getByLabel('Files to upload').setInputFiles([path.join(samples, 'tone.mp3'), path.join(samples, 'reel.mp4')]);

  // Both arrive, and their metadata is read in the background: the titles come from the tags.
  const rows = page.getByTestId('file-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Opening Titles' })).toBeVisible({ timeout: 15_000 });
  await expect(rows.filter({ hasText: 'Harbour Lights (reel)' })).toBeVisible({ timeout: 15_000 });

  // The song: its tags, and a title the owner corrects.
  await page.getByRole('link', { name: 'tone.mp3' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('tone.mp3');
  await expect(page.getByLabel('Artist')).toHaveValue('Bezdna Orchestra');
  await expect(page.getByText('32 kbit/s').or(page.getByText(/3\d kbit\/s/))).toBeVisible();
  await page.getByLabel('Title').fill('Opening Titles (1927 cut)');
  await page.getByRole('button', { name: 'Save metadata' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('(edited)')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Opening Titles (1927 cut)');

  // The video: measured facts, then playback from the middle (the player seeks with ranges).
  await page.getByRole('link', { name: '← My files' }).click();
  await expect(rows.filter({ hasText: 'Opening Titles (1927 cut)' })).toBeVisible();
  const ranges: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/content')) ranges.push(r.headers()['range'] ?? 'none');
  });
  await page.getByRole('link', { name: 'reel.mp4' }).click();
  await expect(page.getByText('160', { exact: true })).toBeVisible();
  await expect(page.getByText('10 fps')).toBeVisible();
  const video = page.getByTestId('file-video');
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    if (v.readyState < 1) await new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true }));
    v.currentTime = 6;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(7);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeCloseTo(12, 0);
  expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  expect(ranges.some((r) => r.startsWith('bytes='))).toBe(true);
});
