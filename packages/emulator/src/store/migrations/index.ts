import type { Migration } from '../db.js';
import { meta } from './001-meta.js';
import { sesv2 } from './002-sesv2.js';
import { route53 } from './003-route53.js';
import { identityListIndex } from './004-identity-list-index.js';
import { identityNameIndex } from './007-identity-name-index.js';

/** Every schema migration, one module each; add new ones at the end. */
export const migrations: Migration[] = [meta, sesv2, route53, identityListIndex, identityNameIndex];
