import type { ControlPlane } from '../../control/control-plane.js';
import { htmlPage } from '../../control/responses.js';
import { isVerificationToken, VERIFY_EMAIL_PATH } from '../../control/verification-link.js';
import type { IncomingRequest, OutgoingResponse } from '../../protocol/http-types.js';
import type { SesState } from './state.js';

/**
 * `GET /_emulator/verify-email?token=`: what clicking the link in a verification email does. Open
 * without the control token: the link's own token is the secret, and a browser cannot add headers.
 */
export function addVerifyEmailRoute(control: ControlPlane, ses: SesState, now: () => number): void {
  control.add('GET', VERIFY_EMAIL_PATH, 'VerifyEmail', (req) => verifyEmail(req, ses, now()), { open: true });
}

function verifyEmail(req: IncomingRequest, ses: SesState, now: number): OutgoingResponse {
  const token = req.query.get('token');
  if (!isVerificationToken(token)) {
    return htmlPage(
      400,
      'Invalid verification link',
      'The link has no valid token parameter. Open the link exactly as it appears in the verification email.',
    );
  }
  const record = ses.store.tokens.get(token);
  if (!record) {
    return htmlPage(
      404,
      'Unknown verification link',
      'This verification link is not known. The identity may have been deleted or the emulator reset.',
    );
  }
  const identity = ses.store.identities.get(record, record.identity);
  if (!identity) {
    return htmlPage(
      404,
      'Unknown identity',
      `The email address ${record.identity} is no longer an identity in region ${record.region}.`,
    );
  }
  if (identity.verification.status === 'SUCCESS') {
    return htmlPage(
      200,
      'Email address already verified',
      `${record.identity} is already verified in region ${record.region}.`,
    );
  }
  if (now >= record.expiresAt || identity.verification.status !== 'PENDING') {
    return htmlPage(
      410,
      'Verification link expired',
      `This link expired 24 hours after it was sent. Verify ${record.identity} again to get a new one.`,
    );
  }
  ses.store.transaction(() => {
    ses.model.identities.markEmailVerified(record, record.identity, now);
    ses.store.tokens.markUsed(token, now);
  });
  return htmlPage(
    200,
    'Congratulations!',
    `You have successfully verified an email address. You can now start sending email from ${record.identity} with Amazon SES in region ${record.region}.`,
  );
}
