/**
 * The one rule for what an AWS Region name looks like (zod-free, so the emulator, the console shell and
 * the demo kit can use it without the schema library). Commercial (`us-east-1`, `ap-southeast-2`),
 * GovCloud (`us-gov-west-1`), China (`cn-north-1`) and ISO (`us-isob-east-1`) names all match; a name
 * that matches need not exist (`zz-nope-1` does) — whether a Region is offered is the REGIONS list's call.
 */
export const REGION_NAME_PATTERN = /^[a-z]{2}(-[a-z]+){1,2}-\d{1,2}$/;

export const REGION_NAME_RULE = 'must look like us-east-1';

export function isRegionName(value: unknown): value is string {
  return typeof value === 'string' && REGION_NAME_PATTERN.test(value);
}
