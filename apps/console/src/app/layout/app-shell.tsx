import AppLayout from '@cloudscape-design/components/app-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { Outlet } from 'react-router';
import { useNotifications } from '../../lib/notifications';
import { Breadcrumbs } from './breadcrumbs';
import { Navigation } from './navigation';

export function AppShell() {
  const { items } = useNotifications();
  return (
    <>
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{ href: '/', title: 'SES identity console' }}
          i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={<Navigation />}
        breadcrumbs={<Breadcrumbs />}
        notifications={<Flashbar items={items} stackItems={items.length > 3} />}
        toolsHide
        content={<Outlet />}
      />
    </>
  );
}
