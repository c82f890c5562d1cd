// oidc-provider ships no type declarations; the tests use a small part of its API.
declare module 'oidc-provider';
