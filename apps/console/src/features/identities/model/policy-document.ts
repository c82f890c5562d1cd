import type { IdentityDetail } from '@ses-console/contract';

/** A starting point that only needs an account id: allow it to send from this identity. */
export function policyTemplate(detail: IdentityDetail): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowSend',
          Effect: 'Allow',
          Principal: { AWS: ['123456789012'] },
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Resource: detail.arn,
        },
      ],
    },
    null,
    2,
  );
}

/** The document indented for reading; left as it is when it is not JSON. */
export function prettyPolicy(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}
