import type { Db } from './db.js';
import type { IdentityRecord, Page, PageRequest, Scope } from './ses-records.js';

export interface IdentityFilter {
  nameContains?: string;
  type?: string;
  verificationStatus?: string;
}

interface Row {
  seq: number;
  doc: string;
}

/**
 * What a list page answers for an identity (ListEmailIdentities' four fields, ListIdentities' name):
 * read from the columns stored beside the document, which every write keeps equal to it (`insert`
 * sets all three, `update` the status; name and type never change).
 */
export interface IdentitySummary {
  name: string;
  type: IdentityRecord['type'];
  verificationStatus: IdentityRecord['verification']['status'];
}

/** The (type, status) pairs met so far, so each row of a page shares their two strings. */
const kinds = new Map<string, Pick<IdentitySummary, 'type' | 'verificationStatus'>>();

/** Decodes one `<type> <status> <name>` row of `SesIdentityRepo.list`. */
function summaryOf(row: string): IdentitySummary {
  const afterType = row.indexOf(' ');
  const afterStatus = row.indexOf(' ', afterType + 1);
  const key = row.slice(0, afterStatus);
  let kind = kinds.get(key);
  if (!kind) {
    kind = {
      type: key.slice(0, afterType) as IdentitySummary['type'],
      verificationStatus: key.slice(afterType + 1) as IdentitySummary['verificationStatus'],
    };
    kinds.set(key, kind);
  }
  return { name: row.slice(afterStatus + 1), type: kind.type, verificationStatus: kind.verificationStatus };
}

/** What makes an identity one the verification engine still drives (`listNeedingChecks`). */
const NEEDS_CHECKS = `(
  verification_status IN ('PENDING', 'SUCCESS', 'TEMPORARY_FAILURE')
  OR json_extract(doc, '$.dkim.track.status') IN ('PENDING', 'SUCCESS', 'TEMPORARY_FAILURE')
  OR json_extract(doc, '$.mailFrom.track.status') IN ('PENDING', 'SUCCESS', 'TEMPORARY_FAILURE')
  OR (json_extract(doc, '$.dkim.origin') = 'AWS_SES'
      AND json_extract(doc, '$.dkim.nextKeyLength') IS NOT json_extract(doc, '$.dkim.currentKeyLength'))
)`;

/** SES identities; the whole record is stored as JSON, filter columns beside it. */
export class SesIdentityRepo {
  constructor(private readonly db: Db) {}

  get(scope: Scope, name: string): IdentityRecord | undefined {
    const row = this.db
      .prepare('SELECT doc FROM ses_identities WHERE account_id = ? AND region = ? AND name = ?')
      .get(scope.accountId, scope.region, name) as Row | undefined;
    return row ? (JSON.parse(row.doc) as IdentityRecord) : undefined;
  }

  /**
   * The identities named `name` in every Region of an account (a DEED parent and its replicas): one
   * key lookup per Region the account has identities in (migration 012).
   */
  inAllRegions(accountId: string, name: string): IdentityRecord[] {
    const rows = this.db
      .prepare(
        `SELECT doc FROM ses_identities WHERE account_id = ? AND name = ?
           AND region IN (SELECT region FROM ses_identity_counts WHERE account_id = ?) ORDER BY region`,
      )
      .all(accountId, name, accountId) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as IdentityRecord);
  }

  /** How many identities the Region holds: one row the triggers of migration 011 keep, not a scan. */
  count(scope: Scope): number {
    const row = this.db
      .prepare('SELECT n FROM ses_identity_counts WHERE account_id = ? AND region = ?')
      .get(scope.accountId, scope.region) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  /** Adds the identity; `false` (and nothing written) when its Region already has one of that name. */
  insert(identity: IdentityRecord): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO ses_identities (account_id, region, name, type, verification_status, mail_from_domain, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, region, name) DO NOTHING`,
      )
      .run(
        identity.accountId,
        identity.region,
        identity.name,
        identity.type,
        identity.verification.status,
        identity.mailFrom.domain ?? null,
        JSON.stringify(identity),
      );
    return changes > 0;
  }

  update(identity: IdentityRecord): void {
    this.db
      .prepare(
        'UPDATE ses_identities SET verification_status = ?, mail_from_domain = ?, doc = ? WHERE account_id = ? AND region = ? AND name = ?',
      )
      .run(
        identity.verification.status,
        identity.mailFrom.domain ?? null,
        JSON.stringify(identity),
        identity.accountId,
        identity.region,
        identity.name,
      );
  }

  delete(scope: Scope, name: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM ses_identities WHERE account_id = ? AND region = ? AND name = ?')
        .run(scope.accountId, scope.region, name).changes > 0
    );
  }

  /**
   * One page of the Region's identities in creation (`seq`) order after `page.afterSeq`: the summary
   * columns only, never the documents (parsing each whole document for four fields was half of a
   * page's CPU). Each row comes back as one string, `<type> <status> <name>` (type and status are
   * enum words without spaces; the name is the rest), because better-sqlite3 builds a row object or
   * array natively at about 1 µs a row, three times what one plucked string costs: a page of 100
   * answered in about half the CPU. The `seq` the next page starts after is looked up by name, once.
   */
  list(scope: Scope, filter: IdentityFilter, page: PageRequest): Page<IdentitySummary> {
    const where = ['account_id = ?', 'region = ?', 'seq > ?'];
    const args: unknown[] = [scope.accountId, scope.region, page.afterSeq];
    if (filter.nameContains !== undefined) {
      where.push('instr(lower(name), lower(?)) > 0');
      args.push(filter.nameContains);
    }
    if (filter.type !== undefined) {
      where.push('type = ?');
      args.push(filter.type);
    }
    if (filter.verificationStatus !== undefined) {
      where.push('verification_status = ?');
      args.push(filter.verificationStatus);
    }
    // `pluck` is set on each call: this SQL text (and so its cached statement) is this method's alone.
    const rows = this.db
      .prepare(
        `SELECT type || ' ' || verification_status || ' ' || name FROM ses_identities WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
      )
      .pluck(true)
      .all(...args, page.pageSize + 1) as string[];
    const more = rows.length > page.pageSize;
    if (more) rows.length = page.pageSize;
    const items = rows.map(summaryOf);
    const last = items[items.length - 1];
    return { items, lastSeq: more && last ? this.seqOf(scope, last.name) : undefined };
  }

  private seqOf(scope: Scope, name: string): number | undefined {
    const row = this.db
      .prepare('SELECT seq FROM ses_identities WHERE account_id = ? AND region = ? AND name = ?')
      .get(scope.accountId, scope.region, name) as { seq: number } | undefined;
    return row?.seq;
  }

  /**
   * Identities whose status machines the verification engine still has to drive, and domains whose
   * next Easy DKIM key length waits for a rotation.
   */
  listNeedingChecks(accountId?: string): IdentityRecord[] {
    const rows = this.db
      .prepare(
        `SELECT doc FROM ses_identities WHERE (? IS NULL OR account_id = ?) AND ${NEEDS_CHECKS} ORDER BY seq`,
      )
      .all(accountId ?? null, accountId ?? null) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as IdentityRecord);
  }

  /**
   * The account's identities of `listNeedingChecks` whose checks may look up one of `dnsNames`
   * (lowercase, no trailing dot), in every Region: a domain's DKIM and `_amazonses` names lie below
   * the domain, so domains named by a proper suffix of one of the names (two labels or more), and
   * identities whose MAIL FROM domain is one of them (migration 014). A superset of the identities
   * whose checks ask exactly those names (the only ones a change at those names can move), found
   * by index, whatever the account holds.
   */
  listNeedingChecksAt(accountId: string, dnsNames: readonly string[]): IdentityRecord[] {
    const parents = new Set<string>();
    for (const name of dnsNames) {
      const labels = name.split('.');
      for (let i = 1; i <= labels.length - 2; i++) parents.add(labels.slice(i).join('.'));
    }
    // The name lookup goes through the (account, Region, name) key, one seek per Region the account
    // holds identities in (the counts of migration 011).
    const rows = this.db
      .prepare(
        `SELECT doc FROM ses_identities WHERE seq IN (
           SELECT seq FROM ses_identities WHERE account_id = ?
             AND region IN (SELECT region FROM ses_identity_counts WHERE account_id = ?)
             AND name IN (SELECT value FROM json_each(?))
           UNION
           SELECT seq FROM ses_identities WHERE account_id = ? AND mail_from_domain IS NOT NULL
             AND mail_from_domain IN (SELECT value FROM json_each(?))
         ) AND ${NEEDS_CHECKS} ORDER BY seq`,
      )
      .all(accountId, accountId, JSON.stringify([...parents]), accountId, JSON.stringify(dnsNames)) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as IdentityRecord);
  }

  /**
   * The identities time alone may move at `now` (a superset of what the engine's `deadlinePassed` keeps):
   * a PENDING or TEMPORARY_FAILURE track started at least its window ago (`emailWindowMs` for an
   * address's verification, `dnsWindowMs` for a domain's and for DKIM and MAIL FROM tracks), or an Easy
   * DKIM key length waiting for a rotation. Filtered in SQL so a time pass over a large store parses
   * only those documents, not every live identity's.
   */
  listDueByTime(
    accountId: string | undefined,
    cutoffs: { now: number; emailWindowMs: number; dnsWindowMs: number },
  ): IdentityRecord[] {
    const { now, emailWindowMs, dnsWindowMs } = cutoffs;
    const dnsCutoff = now - dnsWindowMs;
    const rows = this.db
      .prepare(
        `SELECT doc FROM ses_identities WHERE (? IS NULL OR account_id = ?) AND (
           (verification_status IN ('PENDING', 'TEMPORARY_FAILURE')
             AND json_extract(doc, '$.verification.startedAt') <= (CASE type WHEN 'EMAIL_ADDRESS' THEN ? ELSE ? END))
           OR (json_extract(doc, '$.dkim.track.status') IN ('PENDING', 'TEMPORARY_FAILURE')
             AND json_extract(doc, '$.dkim.track.startedAt') <= ?)
           OR (json_extract(doc, '$.mailFrom.track.status') IN ('PENDING', 'TEMPORARY_FAILURE')
             AND json_extract(doc, '$.mailFrom.track.startedAt') <= ?)
           OR (json_extract(doc, '$.dkim.origin') = 'AWS_SES'
               AND json_extract(doc, '$.dkim.nextKeyLength') IS NOT NULL
               AND json_extract(doc, '$.dkim.nextKeyLength') IS NOT json_extract(doc, '$.dkim.currentKeyLength'))
         ) ORDER BY seq`,
      )
      .all(
        accountId ?? null,
        accountId ?? null,
        now - emailWindowMs,
        dnsCutoff,
        dnsCutoff,
        dnsCutoff,
      ) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as IdentityRecord);
  }

  /** Removes a deleted configuration set as the default of every identity that named it. */
  clearConfigurationSet(scope: Scope, configurationSetName: string): void {
    this.db
      .prepare(
        `UPDATE ses_identities SET doc = json_remove(doc, '$.configurationSetName')
         WHERE account_id = ? AND region = ? AND json_extract(doc, '$.configurationSetName') = ?`,
      )
      .run(scope.accountId, scope.region, configurationSetName);
  }
}
