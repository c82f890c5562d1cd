import { z } from 'zod';
import { roles } from './access.js';

export const roleSchema = z.enum(roles);

export const authModeSchema = z.enum(['none', 'oidc', 'proxy']);
export type AuthMode = z.infer<typeof authModeSchema>;

/** `GET /api/session`: who is signed in, what they may do, and the CSRF token for state-changing calls. */
export const sessionResponseSchema = z.object({
  authMode: authModeSchema,
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().optional(),
  }),
  /** Roles in the default account (and everywhere, when ROLE_GROUPS scopes no role to accounts). */
  roles: z.array(roleSchema),
  /**
   * With ACCOUNTS: the roles in each configured account, by account id (ROLE_GROUPS may scope a role to
   * accounts). Absent: `roles` hold in every account. Use `rolesInAccount`.
   */
  accountRoles: z.record(z.string(), z.array(roleSchema)).optional(),
  /** Send as `x-csrf-token` on every POST, PUT and DELETE. */
  csrfToken: z.string(),
  /** Where "Sign out" goes: `POST /auth/logout` (oidc), the proxy's sign-out URL (proxy), none (none). */
  signOut: z.enum(['bff', 'proxy', 'none']),
  proxySignOutUrl: z.string().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const logoutResponseSchema = z.object({ redirectTo: z.string() });
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;
