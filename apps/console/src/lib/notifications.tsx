import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/**
 * How long a message stays once the user goes to another page (another path; a tab, sort or filter
 * in the query string is the same page):
 * - `page` (default): it belongs to the page it was raised on and goes when the user leaves it;
 * - `next-page`: raised just before the console itself navigates (Create → the new identity's page):
 *   it belongs to the page that opens next;
 * - `pages`: kept on every page until replaced or dismissed (an action still in progress, whose
 *   result replaces it wherever the user then is).
 */
export type NotificationLifetime = 'page' | 'next-page' | 'pages';

export type Notification = FlashbarProps.MessageDefinition & {
  id: string;
  lifetime?: NotificationLifetime;
};

interface NotificationsApi {
  items: Notification[];
  /** Adds a notification, or replaces the one with its id (in place, so messages do not stack up). */
  notify(item: Notification): void;
  dismiss(id: string): void;
  /** The shell says which page is shown (its path): messages of other pages go. */
  showPage(page: string): void;
}

/** A notification with the page it belongs to (undefined: the next page shown). */
type Held = { item: Notification; page: string | undefined };

const NotificationsContext = createContext<NotificationsApi | null>(null);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [held, setHeld] = useState<Held[]>([]);
  const page = useRef<string | undefined>(undefined);
  const dismiss = useCallback((id: string) => setHeld((prev) => prev.filter((h) => h.item.id !== id)), []);
  const notify = useCallback(
    (item: Notification) => {
      const entry: Held = {
        item: { dismissible: true, onDismiss: () => dismiss(item.id), ...item },
        page: item.lifetime === 'next-page' ? undefined : page.current,
      };
      setHeld((prev) => {
        const at = prev.findIndex((h) => h.item.id === item.id);
        if (at < 0) return [entry, ...prev];
        return prev.map((h, i) => (i === at ? entry : h));
      });
    },
    [dismiss],
  );
  const showPage = useCallback((next: string) => {
    if (page.current === next) return;
    page.current = next;
    setHeld((prev) => {
      const kept = prev
        .filter((h) => h.item.lifetime === 'pages' || h.page === undefined || h.page === next)
        .map((h) => (h.page === undefined ? { ...h, page: next } : h));
      return kept.length === prev.length && kept.every((h, i) => h.page === prev[i]?.page) ? prev : kept;
    });
  }, []);
  const items = useMemo(() => held.map((h) => h.item), [held]);
  const value = useMemo(() => ({ items, notify, dismiss, showPage }), [items, notify, dismiss, showPage]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsApi {
  const ctx = useContext(NotificationsContext);
  if (!ctx) throw new Error('useNotifications outside NotificationsProvider');
  return ctx;
}

/** The shell's part: tells the notifications which page is on screen, so a page's messages leave with it. */
export function useNotificationsFollowPage(page: string): void {
  const { showPage } = useNotifications();
  useEffect(() => showPage(page), [page, showPage]);
}
