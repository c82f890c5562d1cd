import {
  AUDIT_PAGE_MAX_BYTES,
  type AuditEntry,
  type AuditQuery,
  type AuditResult,
} from '@ses-console/contract';

export interface SqlDialect {
  /** The placeholder of the n-th (1-based) parameter. */
  param(n: number): string;
  /** SQL that is true when `column` contains `value` ignoring case. */
  contains(column: string, value: string): string;
  /** How a time bound is passed. */
  time(iso: string): string | number | Date;
  timeColumn: string;
  /** Characters of a text column (NULL for NULL). */
  textLength(column: string): string;
  /** Size of the stored parameters (characters or bytes: an estimate is enough). */
  parametersLength: string;
  /** The smaller of two numbers. */
  least(a: string, b: string): string;
}

/**
 * Values longer than this are not sent as stored. The recorder never writes them (its own limits are
 * lower); versions before it stored whole request bodies, 2 MB each, which must not reach a page.
 */
export const readLimits = { parameters: 65_536, identity: 65_536 } as const;

/** Per-entry overhead of the JSON page (field names, time, codes, request id), in the size estimate. */
const ENTRY_OVERHEAD = 400;

function filters(query: AuditQuery, dialect: SqlDialect, args: unknown[]): string {
  const next = (value: unknown): string => {
    args.push(value);
    return dialect.param(args.length);
  };
  const where: string[] = [];
  if (query.actor) where.push(`actor = ${next(query.actor)}`);
  if (query.action) where.push(`action = ${next(query.action)}`);
  if (query.account) where.push(`account = ${next(query.account)}`);
  if (query.identity) where.push(dialect.contains('identity', next(query.identity)));
  if (query.result) where.push(`result = ${next(query.result)}`);
  if (query.from) where.push(`${dialect.timeColumn} >= ${next(dialect.time(query.from))}`);
  if (query.to) where.push(`${dialect.timeColumn} <= ${next(dialect.time(query.to))}`);
  if (query.cursor) where.push(`id < ${next(Number(query.cursor))}`);
  return where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
}

/**
 * First step of a page: the ids of the `limit + 1` newest matching entries with each one's size as
 * the page will carry it, so the page can stop at its byte budget before any large value is read.
 */
export function auditScanSql(query: AuditQuery, dialect: SqlDialect): { sql: string; args: unknown[] } {
  const args: unknown[] = [];
  const where = filters(query, dialect, args);
  const len = (column: string) => `coalesce(${dialect.textLength(column)}, 0)`;
  const size = [
    dialect.least(dialect.parametersLength, String(readLimits.parameters)),
    dialect.least(len('identity'), String(readLimits.identity)),
    len('path'),
    len('actor'),
    len('actor_name'),
    String(ENTRY_OVERHEAD),
  ].join(' + ');
  args.push(query.limit + 1);
  const sql = `SELECT id, ${size} AS size FROM audit_log ${where}
    ORDER BY id DESC LIMIT ${dialect.param(args.length)}`;
  return { sql, args };
}

/**
 * The scanned entries one page holds: at most `limit`, at most `maxBytes` together (but always the
 * first, which the recorder's own limits keep small), and the cursor of the next page.
 */
export function pickPage(
  scanned: { id: string | number; size: string | number }[],
  limit: number,
  maxBytes = AUDIT_PAGE_MAX_BYTES,
): { ids: string[]; nextCursor: string | null } {
  const ids: string[] = [];
  let bytes = 0;
  for (const row of scanned) {
    const size = Number(row.size);
    if (ids.length === limit || (ids.length > 0 && bytes + size > maxBytes)) break;
    ids.push(String(row.id));
    bytes += size;
  }
  const last = ids.at(-1);
  return { ids, nextCursor: scanned.length > ids.length && last ? last : null };
}

/** The SELECT list of a full row, with `parameters` and `identity` shortened as `readLimits` says. */
function rowColumns(dialect: SqlDialect): string {
  return `id, time, actor, actor_name, action, method, path, region, account,
    substr(identity, 1, ${readLimits.identity}) AS identity, ${dialect.textLength('identity')} AS identity_length,
    CASE WHEN ${dialect.parametersLength} > ${readLimits.parameters} THEN NULL ELSE parameters END AS parameters,
    ${dialect.parametersLength} AS parameters_length,
    result, status, error_code, request_id, completed_at, deadline_exceeded`;
}

/** Second step: the full rows of the picked ids, newest first. */
export function auditRowsSql(ids: string[], dialect: SqlDialect): { sql: string; args: unknown[] } {
  const args = ids.map(Number);
  const list = args.map((_, i) => dialect.param(i + 1)).join(', ');
  return {
    sql: `SELECT ${rowColumns(dialect)} FROM audit_log WHERE id IN (${list}) ORDER BY id DESC`,
    args,
  };
}

/** A row as `auditRowsSql` selects it, once the store turned its dialect's types into these. */
export interface AuditRow {
  id: string | number;
  /** ISO-8601. */
  time: string;
  actor: string | null;
  actor_name: string | null;
  action: string;
  method: string;
  path: string;
  region: string | null;
  /** NULL for entries written before accounts were recorded, and for requests outside any account. */
  account: string | null;
  identity: string | null;
  identity_length: number | null;
  /** NULL when the stored value was too large to read (`readLimits`). */
  parameters: Record<string, unknown> | null;
  parameters_length: number;
  result: AuditResult;
  status: number | null;
  error_code: string | null;
  request_id: string;
  completed_at: string | null;
  deadline_exceeded: boolean;
}

/** `identity` of a row, with a note when the stored value was cut on the way out. */
function shownIdentity(identity: string | null, length: number | null): string | null {
  if (identity === null) return null;
  return length !== null && length > readLimits.identity ? `${identity}…[${length} characters]` : identity;
}

/** The entry a page carries for a row, the same from both stores. */
export function auditEntryOf(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    time: row.time,
    actor: row.actor,
    ...(row.actor_name ? { actorName: row.actor_name } : {}),
    action: row.action,
    method: row.method,
    path: row.path,
    region: row.region,
    account: row.account,
    identity: shownIdentity(row.identity, row.identity_length),
    parameters: row.parameters ?? {
      '[omitted]': `parameters of ${row.parameters_length} characters, too large to show`,
    },
    result: row.result,
    status: row.status,
    errorCode: row.error_code,
    requestId: row.request_id,
    completedAt: row.completed_at,
    deadlineExceeded: row.deadline_exceeded,
  };
}
