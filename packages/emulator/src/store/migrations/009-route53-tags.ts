import type { Migration } from '../db.js';

/** Route 53: tags on hosted zones (ChangeTagsForResource / ListTagsForResource(s)); gone with their zone. */
export const route53Tags: Migration = {
  id: '009-route53-tags',
  sql: `
    CREATE TABLE r53_zone_tags (
      zone_id TEXT NOT NULL REFERENCES r53_hosted_zones (id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (zone_id, key)
    );
  `,
};
