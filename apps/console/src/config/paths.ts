/**
 * Every URL of the console, spelled once. Region travels in the query string of every page, and so
 * does the account (`?account=<12-digit id>`) when the console serves several (ACCOUNTS).
 */

type QueryValue = string | number | boolean | undefined | null;

function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const encode = (identity: string) => encodeURIComponent(identity);

/** The query parameter of the selected account (`all`: the All accounts view of the identities list). */
export const ACCOUNT_PARAM = 'account';

/** Where a page acts: the Region and, with ACCOUNTS, the account. Every page's query carries both. */
export type PlaceQuery = {
  region?: string;
  account?: string;
};

export interface ListQuery extends PlaceQuery {
  filter?: string;
  sort?: string;
  desc?: boolean;
  page?: number;
}

/**
 * Filters of the Activity page, kept in its URL. `entryAccount`: entries of one account only (not
 * `account`, which is the selected account every page carries).
 */
export type ActivityFilterKey = 'actor' | 'action' | 'identity' | 'result' | 'range' | 'entryAccount';

export type IdentityTab = 'authentication' | 'authorization' | 'configuration-set' | 'notifications' | 'tags';

export const paths = {
  home: { path: '/', href: () => '/' },
  identities: {
    path: '/identities',
    href: (query: ListQuery = {}) => withQuery('/identities', { ...query }),
  },
  createIdentity: {
    path: '/identities/create',
    /** `email`: starts the form as an email address identity with that address (e.g. a refused recipient). */
    href: (query: PlaceQuery & { email?: string } = {}) => withQuery('/identities/create', query),
  },
  identity: {
    path: '/identities/:identity',
    href: (identity: string, query: PlaceQuery & { tab?: IdentityTab } = {}) =>
      withQuery(`/identities/${encode(identity)}`, query),
  },
  sendTestEmail: {
    path: '/identities/:identity/send-test-email',
    href: (identity: string, query: PlaceQuery = {}) =>
      withQuery(`/identities/${encode(identity)}/send-test-email`, query),
  },
  configurationSets: {
    path: '/configuration-sets',
    href: (query: PlaceQuery = {}) => withQuery('/configuration-sets', query),
  },
  activity: {
    path: '/activity',
    href: (query: PlaceQuery & Partial<Record<ActivityFilterKey, string>> = {}) =>
      withQuery('/activity', query),
  },
  emulatorAccount: {
    path: '/emulator/account',
    href: (query: PlaceQuery = {}) => withQuery('/emulator/account', query),
  },
  mailbox: {
    path: '/mailbox',
    /** `verify`: the token of a verification email (the console's own link for it). */
    href: (query: PlaceQuery & { message?: string; verify?: string } = {}) => withQuery('/mailbox', query),
  },
  snsTopics: {
    path: '/emulator/sns-topics',
    /** `topic`: the selected topic's name; `messageId`: only the notifications about this SES message. */
    href: (query: PlaceQuery & { topic?: string; messageId?: string } = {}) =>
      withQuery('/emulator/sns-topics', query),
  },
} as const;
