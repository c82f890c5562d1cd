import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  type Notification,
  NotificationsProvider,
  useNotifications,
  useNotificationsFollowPage,
} from './notifications';

let api: ReturnType<typeof useNotifications> | undefined;

/** A shell like the app's: follows the page and lists the messages' contents. */
function Shell() {
  const notifications = useNotifications();
  api = notifications;
  useNotificationsFollowPage(useLocation().pathname);
  return (
    <>
      <ul aria-label="Messages">
        {notifications.items.map((item) => (
          <li key={item.id}>{item.content}</li>
        ))}
      </ul>
      <Outlet />
    </>
  );
}

function renderShell() {
  const router = createMemoryRouter(
    [
      {
        element: <Shell />,
        children: [
          { path: '/a', element: 'A' },
          { path: '/b', element: 'B' },
          { path: '/c', element: 'C' },
        ],
      },
    ],
    { initialEntries: ['/a'] },
  );
  render(
    <NotificationsProvider>
      <RouterProvider router={router} />
    </NotificationsProvider>,
  );
  return router;
}

const messages = () => screen.getAllByRole('listitem').map((li) => li.textContent);
const note = (id: string, content: string, lifetime?: Notification['lifetime']): Notification => ({
  id,
  type: 'success',
  content,
  lifetime,
});

describe('flash messages and pages', () => {
  it('when the user goes to another page, then the messages of the page they left are gone', async () => {
    const router = renderShell();
    act(() => api?.notify(note('saved', 'Saved on A')));
    expect(messages()).toEqual(['Saved on A']);
    await act(() => router.navigate('/b'));
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('when a message is raised just before the console navigates, then it shows on the next page and goes with that one', async () => {
    const router = renderShell();
    await act(async () => {
      api?.notify(note('created', 'Created', 'next-page'));
      await router.navigate('/b');
    });
    expect(messages()).toEqual(['Created']);
    await act(() => router.navigate('/c'));
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('when an action is in progress, then its message stays across pages and its result replaces it in place', async () => {
    const router = renderShell();
    act(() => api?.notify(note('other', 'Other on A')));
    act(() => api?.notify(note('delete', 'Deleting…', 'pages')));
    await act(() => router.navigate('/b'));
    expect(messages()).toEqual(['Deleting…']);
    act(() => api?.notify(note('saved-b', 'Saved on B')));
    act(() => api?.notify(note('delete', 'Deleted 3 identities')));
    expect(messages()).toEqual(['Saved on B', 'Deleted 3 identities']);
    await act(() => router.navigate('/c'));
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('when only the query string changes (a tab, a sort), then the messages stay', async () => {
    const router = renderShell();
    act(() => api?.notify(note('saved', 'Saved')));
    await act(() => router.navigate('/a?tab=tags'));
    expect(messages()).toEqual(['Saved']);
  });

  it('when a message with the same id is raised again, then it replaces the first instead of stacking', () => {
    renderShell();
    act(() => api?.notify(note('saved', 'First save')));
    act(() => api?.notify(note('saved', 'Second save')));
    expect(messages()).toEqual(['Second save']);
  });
});
