import { expect, test } from '@playwright/test';

test('a visitor opens the console and finds the Verified identities navigation link', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/identities\?region=us-east-1$/);
  await expect(page.getByRole('link', { name: 'Verified identities' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verified identities', level: 1 })).toBeVisible();
});

test('the emulator behind the console answers its health check', async ({ request }) => {
  const res = await request.get(
    `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 14566}/_emulator/health`,
  );
  expect(res.status()).toBe(200);
});
