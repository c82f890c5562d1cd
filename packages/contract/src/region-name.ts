/**
 * The one rule for what an AWS Region name looks like (zod-free, so the emulator, the console shell and
 * the demo kit can use it without the schema library). Commercial (`us-east-1`, `ap-southeast-2`),
 * GovCloud (`us-gov-west-1`), China (`cn-north-1`) and ISO (`us-isob-east-1`) names all match; a name
 * that matches need not exist (`zz-nope-1` does) — whether a Region is offered is the REGIONS list's call.
 */
const REGION_NAME = '[a-z]{2}(-[a-z]+){1,2}-\\d{1,2}';

export const REGION_NAME_PATTERN = new RegExp(`^${REGION_NAME}$`);

/** The same rule unanchored, for a Region field inside a larger pattern (an ARN's). */
export const REGION_NAME_SOURCE = REGION_NAME;

export const REGION_NAME_RULE = 'must look like us-east-1';

export function isRegionName(value: unknown): value is string {
  return typeof value === 'string' && REGION_NAME_PATTERN.test(value);
}
