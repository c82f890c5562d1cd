import type { AuditQuery } from '@ses-console/contract';

export interface SqlDialect {
  /** The placeholder of the n-th (1-based) parameter. */
  param(n: number): string;
  /** SQL that is true when `column` contains `value` ignoring case. */
  contains(column: string, value: string): string;
  /** How a time bound is passed. */
  time(iso: string): string | number | Date;
  timeColumn: string;
}

/** `WHERE … ORDER BY id DESC LIMIT …` for an audit query, with its parameters, in one dialect. */
export function auditQuerySql(query: AuditQuery, dialect: SqlDialect): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const next = (value: unknown): string => {
    args.push(value);
    return dialect.param(args.length);
  };
  if (query.actor) where.push(`actor = ${next(query.actor)}`);
  if (query.action) where.push(`action = ${next(query.action)}`);
  if (query.identity) where.push(dialect.contains('identity', next(query.identity)));
  if (query.result) where.push(`result = ${next(query.result)}`);
  if (query.from) where.push(`${dialect.timeColumn} >= ${next(dialect.time(query.from))}`);
  if (query.to) where.push(`${dialect.timeColumn} <= ${next(dialect.time(query.to))}`);
  if (query.cursor) where.push(`id < ${next(Number(query.cursor))}`);
  const sql = `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY id DESC LIMIT ${next(query.limit + 1)}`;
  return { sql, args };
}

/** Cuts the `limit + 1` rows a query fetched into a page and the cursor of the next one. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { entries: T[]; nextCursor: string | null } {
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? last.id : null };
}
