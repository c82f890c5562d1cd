import { z } from 'zod';

export const verificationStatusSchema = z.enum([
  'PENDING',
  'SUCCESS',
  'FAILED',
  'TEMPORARY_FAILURE',
  'NOT_STARTED',
]);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

export const identityTypeSchema = z.enum(['EMAIL_ADDRESS', 'DOMAIN', 'MANAGED_DOMAIN']);
export type IdentityType = z.infer<typeof identityTypeSchema>;

export const mailFromStatusSchema = z.enum(['PENDING', 'SUCCESS', 'FAILED', 'TEMPORARY_FAILURE']);
export type MailFromStatus = z.infer<typeof mailFromStatusSchema>;

export const behaviorOnMxFailureSchema = z.enum(['USE_DEFAULT_VALUE', 'REJECT_MESSAGE']);
export type BehaviorOnMxFailure = z.infer<typeof behaviorOnMxFailureSchema>;

export const dkimKeyLengthSchema = z.enum(['RSA_1024_BIT', 'RSA_2048_BIT']);
export type DkimKeyLength = z.infer<typeof dkimKeyLengthSchema>;

/** `AWS_SES` = Easy DKIM, `EXTERNAL` = BYODKIM; `AWS_SES_<REGION>` = Deterministic Easy DKIM replicas. */
export const dkimOriginSchema = z.string();
