/**
 * What the verification engine needs to know about public DNS. The default implementation reads the
 * emulator's own Route 53 store (the "public DNS" of this emulated world); another one may ask a real
 * resolver.
 */
export interface DnsRecordSet {
  ttl: number;
  /** Values as stored in Route 53 (TXT values keep their quotes, MX is `"10 host"`). */
  values: string[];
}

export interface DnsView {
  /**
   * The record set of `type` at `name` (FQDN, any case, with or without trailing dot) as public DNS
   * would answer it for the given account: from the public hosted zone whose name is the longest
   * suffix of `name`. `undefined` when there is none.
   */
  lookup(accountId: string, name: string, type: string): DnsRecordSet | undefined;
  /** Whether any record at all exists at `name` (tells HOST_NOT_FOUND from TYPE_NOT_FOUND). */
  nameExists(accountId: string, name: string): boolean;
  /**
   * `true` when every answer is read from the emulator's own store (its Route 53 zones), so that what is
   * computed from it may be cached until the store changes (`store/store-generation.ts`); a real
   * resolver leaves it unset.
   */
  readonly answersFromStore?: boolean;
}
