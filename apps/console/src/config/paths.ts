/** Every URL of the console, spelled once. */
export const paths = {
  home: { path: '/', href: () => '/' },
  identities: { path: '/identities', href: () => '/identities' },
  configurationSets: { path: '/configuration-sets', href: () => '/configuration-sets' },
} as const;
