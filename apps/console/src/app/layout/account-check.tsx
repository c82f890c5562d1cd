import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ACCOUNT_PARAM } from '../../config/paths';
import { useAccount } from '../../hooks/use-account';

/**
 * An `?account=` that is not one of ACCOUNTS (a typo, an account removed, a link from another
 * installation) is said plainly instead of quietly showing another account's data under the wrong
 * URL, as a Region the console does not offer is. The URL stays as it is until the user picks one.
 */
export function AccountCheck({ children }: { children: ReactNode }) {
  const { unavailableAccount, accountInfo, accounts } = useAccount();
  const location = useLocation();
  const navigate = useNavigate();
  if (!unavailableAccount) return children;
  const withAccount = (id: string) => {
    const search = new URLSearchParams(location.search);
    search.set(ACCOUNT_PARAM, id);
    return `${location.pathname}?${search}`;
  };
  return (
    <ContentLayout header={<Header variant="h1">Account not available</Header>}>
      <Alert
        type="error"
        header={`Account ${unavailableAccount} is not available in this console`}
        action={
          accountInfo && (
            <Button onClick={() => navigate(withAccount(accountInfo.id), { replace: true })}>
              Go to {accountInfo.name}
            </Button>
          )
        }
      >
        <Box variant="p">
          It is not one of the {accounts.length} accounts this console serves. Choose one in the account
          selector
          {accountInfo ? `, or go to ${accountInfo.name} (${accountInfo.id})` : ''}.
        </Box>
      </Alert>
    </ContentLayout>
  );
}
