import { expect, test } from '@playwright/test';

const INFRASTRUCTURE = ['cassandra', 'kafka', 'postgres', 'pgbouncer', 'rabbitmq', 'redis', 's3'];

test('status page shows every component healthy', async ({ page }) => {
  await page.goto('/status');
  await expect(page.getByRole('heading', { level: 1, name: 'Platform status' })).toBeVisible();
  await expect(page.getByText('All systems healthy')).toBeVisible();

  const infrastructure = page.getByRole('table', { name: 'Infrastructure' });
  for (const name of INFRASTRUCTURE) {
    const row = infrastructure.locator(`tr[data-component="${name}"]`);
    await expect(row).toBeVisible();
    await expect(row.locator('[data-health]')).toHaveAttribute('data-health', 'up');
  }
  const services = page.getByRole('table', { name: 'Services' });
  await expect(services.locator('tr[data-component="gateway"] [data-health]')).toHaveAttribute('data-health', 'up');
  await expect(page.locator('[data-health="down"]')).toHaveCount(0);
});
