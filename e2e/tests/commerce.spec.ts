import { expect, test } from '@playwright/test';

test('add offers to the cart, change a count, check out, pay and hear about it', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const registered = await page.request.post('/api/auth/register', {
    data: { email: `buyer-${run}@example.com`, password: 'popcorn in the dark', displayName: `Buyer ${run}` },
  });
  expect(registered.status()).toBe(201);

  // Two offers of one film go into the cart from its page.
  await page.goto('/search?q=Nosferatu');
  await page.getByTestId('film-tile').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nosferatu');
  const offers = page.getByRole('region', { name: 'How to watch' });
  await offers.getByRole('button', { name: 'Add to cart: Nosferatu — rent for 48 h' }).click();
  await expect(offers.getByRole('link', { name: /In your cart: Nosferatu — rent for 48 h/ })).toBeVisible();
  await offers.getByRole('button', { name: 'Add to cart: Nosferatu — buy' }).click();
  await expect(offers.getByRole('link', { name: /In your cart: Nosferatu — buy/ })).toBeVisible();

  // The cart: names and prices from catalog, a count raised, a line removed, the total kept right.
  await page.goto('/cart');
  const items = page.getByTestId('cart-item');
  await expect(items).toHaveCount(2);
  const rental = items.filter({ hasText: 'rent for 48 h' });
  const unitPrice = await rental.locator('.cart__price').innerText();
  await rental.getByRole('button', { name: 'One more' }).click();
  await expect(rental.getByTestId('cart-count')).toHaveText('2');
  await items.filter({ hasText: 'Nosferatu — buy' }).getByRole('button', { name: 'Remove' }).click();
  await expect(items).toHaveCount(1);
  const unit = Number(unitPrice.replace(/[^0-9.]/g, ''));
  const total = Number((await page.getByTestId('cart-total').innerText()).replace(/[^0-9.]/g, ''));
  expect(total).toBeCloseTo(unit * 2, 2);

  // Checkout places the order and empties the cart; paying it shows at once.
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/orders\?placed=\d+/);
  const order = page.getByTestId('order').first();
  await expect(order.getByTestId('order-status')).toHaveText('awaiting payment');
  await order.getByRole('button', { name: 'Pay' }).click();
  await expect(order.getByTestId('order-status')).toHaveText('paid');
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty')).toBeVisible();

  // Each status change reaches the bell through Kafka and the notifications consumer.
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await page.getByTestId('bell-count').textContent({ timeout: 2_000 }).catch(() => '0')) ?? '0';
      },
      { timeout: 20_000 },
    )
    .toBe('3');
  const bell = page.getByRole('button', { name: /Notifications, 3 unread/ });
  // an icon of the design system, drawn the same without an emoji font (headless Chromium has none)
  await expect(bell.locator('svg')).toBeVisible();
  await expect(bell).toHaveText('3');
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByText(/is now paid/)).toBeVisible();
  await expect(panel.getByText(/is now awaiting payment/)).toBeVisible();
  await expect(page.getByTestId('bell-count')).toHaveCount(0);
});
