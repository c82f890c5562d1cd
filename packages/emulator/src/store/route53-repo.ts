import { type Db, inTransaction } from './db.js';

/** Persisted Route 53 shapes (names are stored decoded, lowercase, with the trailing dot). */
export interface ZoneRow {
  id: string;
  accountId: string;
  name: string;
  callerReference: string;
  comment?: string;
  privateZone: boolean;
  vpcs: { vpcId: string; vpcRegion: string }[];
  nameServers: string[];
  createdAt: string;
}

export interface AliasTargetData {
  hostedZoneId: string;
  dnsName: string;
  evaluateTargetHealth: boolean;
}

export interface RecordSetData {
  name: string;
  type: string;
  setIdentifier?: string;
  ttl?: number;
  values: string[];
  aliasTarget?: AliasTargetData;
  /** Routing-policy members (Weight, Region, Failover, …) kept verbatim as the client sent them. */
  routing?: Record<string, unknown>;
}

export interface ChangeRow {
  id: string;
  accountId: string;
  submittedAt: string;
  comment?: string;
}

interface ZoneDbRow {
  id: string;
  account_id: string;
  name: string;
  caller_reference: string;
  comment: string | null;
  private_zone: number;
  vpcs_json: string;
  name_servers_json: string;
  created_at: string;
}

function toZone(row: ZoneDbRow): ZoneRow {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    callerReference: row.caller_reference,
    comment: row.comment ?? undefined,
    privateZone: row.private_zone === 1,
    vpcs: JSON.parse(row.vpcs_json),
    nameServers: JSON.parse(row.name_servers_json),
    createdAt: row.created_at,
  };
}

/** Route 53 state in SQLite. Every read is scoped to an account; callers group writes with `transaction`. */
export class Route53Repo {
  constructor(private readonly db: Db) {}

  transaction<T>(work: () => T): T {
    return inTransaction(this.db, work);
  }

  callerReferenceTaken(accountId: string, callerReference: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM r53_caller_references WHERE account_id = ? AND caller_reference = ?')
        .get(accountId, callerReference) !== undefined
    );
  }

  insertZone(zone: ZoneRow): void {
    this.db
      .prepare('INSERT INTO r53_caller_references (account_id, caller_reference) VALUES (?, ?)')
      .run(zone.accountId, zone.callerReference);
    this.db
      .prepare(
        `INSERT INTO r53_hosted_zones
           (id, account_id, name, caller_reference, comment, private_zone, vpcs_json, name_servers_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        zone.id,
        zone.accountId,
        zone.name,
        zone.callerReference,
        zone.comment ?? null,
        zone.privateZone ? 1 : 0,
        JSON.stringify(zone.vpcs),
        JSON.stringify(zone.nameServers),
        zone.createdAt,
      );
  }

  findZone(accountId: string, id: string): ZoneRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM r53_hosted_zones WHERE account_id = ? AND id = ?')
      .get(accountId, id) as ZoneDbRow | undefined;
    return row ? toZone(row) : undefined;
  }

  /**
   * The public zone named by the longest of `names` (the oldest first among zones of one name), in one
   * query rather than one per name.
   */
  findClosestPublicZone(accountId: string, names: readonly string[]): ZoneRow | undefined {
    if (names.length === 0) return undefined;
    const row = this.db
      .prepare(
        `SELECT * FROM r53_hosted_zones WHERE account_id = ? AND private_zone = 0 AND name IN (${names
          .map(() => '?')
          .join(', ')}) ORDER BY length(name) DESC, created_at, rowid LIMIT 1`,
      )
      .get(accountId, ...names) as ZoneDbRow | undefined;
    return row ? toZone(row) : undefined;
  }

  /** The account's zones in creation order. */
  listZones(accountId: string): ZoneRow[] {
    return (
      this.db
        .prepare('SELECT * FROM r53_hosted_zones WHERE account_id = ? ORDER BY created_at, rowid')
        .all(accountId) as ZoneDbRow[]
    ).map(toZone);
  }

  countZones(accountId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM r53_hosted_zones WHERE account_id = ?')
      .get(accountId) as { n: number };
    return row.n;
  }

  /** Sets the zone's comment; `undefined` removes it. */
  updateZoneComment(accountId: string, id: string, comment: string | undefined): void {
    this.db
      .prepare('UPDATE r53_hosted_zones SET comment = ? WHERE account_id = ? AND id = ?')
      .run(comment ?? null, accountId, id);
  }

  /** The zone's tags in the order their keys were first added. */
  listZoneTags(zoneId: string): { key: string; value: string }[] {
    return this.db
      .prepare('SELECT key, value FROM r53_zone_tags WHERE zone_id = ? ORDER BY seq, key')
      .all(zoneId) as { key: string; value: string }[];
  }

  /** Adds or replaces tags (a replaced key keeps its place) and removes keys, in one statement each. */
  changeZoneTags(zoneId: string, add: { key: string; value: string }[], removeKeys: string[]): void {
    const remove = this.db.prepare('DELETE FROM r53_zone_tags WHERE zone_id = ? AND key = ?');
    for (const key of removeKeys) remove.run(zoneId, key);
    const put = this.db.prepare(
      `INSERT INTO r53_zone_tags (zone_id, key, value, seq)
         VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM r53_zone_tags WHERE zone_id = ?))
       ON CONFLICT (zone_id, key) DO UPDATE SET value = excluded.value`,
    );
    for (const tag of add) put.run(zoneId, tag.key, tag.value, zoneId);
  }

  deleteZone(accountId: string, id: string): void {
    this.db.prepare('DELETE FROM r53_hosted_zones WHERE account_id = ? AND id = ?').run(accountId, id);
  }

  countRecordSets(zoneId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM r53_record_sets WHERE zone_id = ?')
      .get(zoneId) as {
      n: number;
    };
    return row.n;
  }

  listRecordSets(zoneId: string): RecordSetData[] {
    return (
      this.db.prepare('SELECT record_json FROM r53_record_sets WHERE zone_id = ?').all(zoneId) as {
        record_json: string;
      }[]
    ).map((row) => JSON.parse(row.record_json) as RecordSetData);
  }

  /**
   * The record sets at any of `names` (with trailing dot), every type: one indexed query however many
   * names (a change batch reads its names this way, not the whole zone).
   */
  recordSetsAtNames(zoneId: string, names: readonly string[]): RecordSetData[] {
    if (names.length === 0) return [];
    return (
      this.db
        .prepare(
          'SELECT record_json FROM r53_record_sets WHERE zone_id = ? AND name IN (SELECT value FROM json_each(?))',
        )
        .all(zoneId, JSON.stringify(names)) as { record_json: string }[]
    ).map((row) => JSON.parse(row.record_json) as RecordSetData);
  }

  findRecordSet(zoneId: string, name: string, type: string): RecordSetData[] {
    return (
      this.db
        .prepare('SELECT record_json FROM r53_record_sets WHERE zone_id = ? AND name = ? AND type = ?')
        .all(zoneId, name, type) as { record_json: string }[]
    ).map((row) => JSON.parse(row.record_json) as RecordSetData);
  }

  /** Whether any record set lives at `name` or below it (names with trailing dot). */
  hasNamesAtOrBelow(zoneId: string, name: string): boolean {
    // substr instead of LIKE: DNS names contain `_`, a LIKE wildcard.
    const suffix = `.${name}`;
    return (
      this.db
        .prepare(
          'SELECT 1 FROM r53_record_sets WHERE zone_id = ? AND (name = ? OR substr(name, -?) = ?) LIMIT 1',
        )
        .get(zoneId, name, suffix.length, suffix) !== undefined
    );
  }

  /** Every record set at exactly `name` (with trailing dot), any type. */
  recordSetsAt(zoneId: string, name: string): RecordSetData[] {
    return (
      this.db
        .prepare('SELECT record_json FROM r53_record_sets WHERE zone_id = ? AND name = ?')
        .all(zoneId, name) as {
        record_json: string;
      }[]
    ).map((row) => JSON.parse(row.record_json) as RecordSetData);
  }

  nameHasRecords(zoneId: string, name: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM r53_record_sets WHERE zone_id = ? AND name = ? LIMIT 1')
        .get(zoneId, name) !== undefined
    );
  }

  putRecordSet(zoneId: string, record: RecordSetData): void {
    this.db
      .prepare(
        `INSERT INTO r53_record_sets (zone_id, name, type, set_identifier, record_json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (zone_id, name, type, set_identifier) DO UPDATE SET record_json = excluded.record_json`,
      )
      .run(zoneId, record.name, record.type, record.setIdentifier ?? '', JSON.stringify(record));
  }

  deleteRecordSet(zoneId: string, record: Pick<RecordSetData, 'name' | 'type' | 'setIdentifier'>): void {
    this.db
      .prepare(
        'DELETE FROM r53_record_sets WHERE zone_id = ? AND name = ? AND type = ? AND set_identifier = ?',
      )
      .run(zoneId, record.name, record.type, record.setIdentifier ?? '');
  }

  insertChange(change: ChangeRow): void {
    this.db
      .prepare('INSERT INTO r53_changes (id, account_id, submitted_at, comment) VALUES (?, ?, ?, ?)')
      .run(change.id, change.accountId, change.submittedAt, change.comment ?? null);
  }

  findChange(accountId: string, id: string): ChangeRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM r53_changes WHERE account_id = ? AND id = ?')
      .get(accountId, id) as
      | { id: string; account_id: string; submitted_at: string; comment: string | null }
      | undefined;
    return row
      ? {
          id: row.id,
          accountId: row.account_id,
          submittedAt: row.submitted_at,
          comment: row.comment ?? undefined,
        }
      : undefined;
  }

  /** Empties all Route 53 state (control-plane reset). */
  reset(): void {
    this.transaction(() => {
      for (const table of [
        'r53_zone_tags',
        'r53_record_sets',
        'r53_hosted_zones',
        'r53_caller_references',
        'r53_changes',
      ]) {
        this.db.prepare(`DELETE FROM ${table}`).run();
      }
    });
  }
}
