import type { PageRequest } from '../../../store/ses-records.js';
import { BadRequestException, validationError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/**
 * Builds a page request from `PageSize` and `NextToken`. Tokens are opaque to clients:
 * base64url of `{list}:{last sequence number}`; a token from another list or a forged one is rejected.
 * PageSize 0 means the default (a zero page would make SDK paginators loop forever).
 */
export function pageRequest(
  list: string,
  pageSize: number | undefined,
  nextToken: string | undefined,
): PageRequest {
  if (pageSize !== undefined) {
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
      throw validationError(
        'pageSize',
        `Member must be an integer between 0 and ${MAX_PAGE_SIZE}`,
        String(pageSize),
      );
    }
  }
  let afterSeq = 0;
  if (nextToken !== undefined) {
    const decoded = Buffer.from(nextToken, 'base64url').toString('utf8');
    const m = /^([a-z-]+):(\d{1,15})$/.exec(decoded);
    if (!m || m[1] !== list || Buffer.from(decoded).toString('base64url') !== nextToken) {
      throw new BadRequestException(`Invalid NextToken: ${nextToken}`);
    }
    afterSeq = Number(m[2]);
  }
  return { pageSize: pageSize || DEFAULT_PAGE_SIZE, afterSeq };
}

export function nextToken(list: string, lastSeq: number | undefined): string | undefined {
  return lastSeq === undefined ? undefined : Buffer.from(`${list}:${lastSeq}`).toString('base64url');
}
