import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type Notification = FlashbarProps.MessageDefinition & { id: string };

interface NotificationsApi {
  items: Notification[];
  /** Adds or replaces (by id) a notification; it stays until dismissed, across navigation. */
  notify(item: Notification): void;
  dismiss(id: string): void;
}

const NotificationsContext = createContext<NotificationsApi | null>(null);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Notification[]>([]);
  const dismiss = useCallback((id: string) => setItems((prev) => prev.filter((i) => i.id !== id)), []);
  const notify = useCallback(
    (item: Notification) =>
      setItems((prev) => [
        { dismissible: true, onDismiss: () => dismiss(item.id), ...item },
        ...prev.filter((i) => i.id !== item.id),
      ]),
    [dismiss],
  );
  const value = useMemo(() => ({ items, notify, dismiss }), [items, notify, dismiss]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsApi {
  const ctx = useContext(NotificationsContext);
  if (!ctx) throw new Error('useNotifications outside NotificationsProvider');
  return ctx;
}
