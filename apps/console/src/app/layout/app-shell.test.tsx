import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '../provider';
import { routes } from '../router';

describe('app shell', () => {
  it('when the identities page opens, then the side navigation links to Verified identities', async () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/identities'] });
    render(
      <AppProvider>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    const links = await screen.findAllByRole('link', { name: 'Verified identities' });
    expect(links.length).toBeGreaterThan(0);
  });
});
