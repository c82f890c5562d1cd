import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { apiPaths, dkimPrivateKeySchema, type IdentityDetail } from '@ses-console/contract';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client';
import { useNotifications } from '../../../lib/notifications';
import { useCan } from '../../../lib/session-queries';
import { useRecreateIdentity } from '../api/use-recreate-identity';
import { recreateKeeps, recreateOutcomeNotifications } from '../model/recreate-outcome';

/**
 * "Re-create identity": delete it and create it again with the same settings, the one restart SES v2
 * allows. Asked in a dialog that lists what is kept (and, for BYODKIM, asks for the private key SES
 * never returns).
 */
export function RecreateIdentityButton({ detail }: { detail: IdentityDetail }) {
  const { notify } = useNotifications();
  const allowed = useCan('post', apiPaths.recreateIdentity);
  const recreate = useRecreateIdentity(detail.region, detail.name);
  const [open, setOpen] = useState(false);
  const [privateKey, setPrivateKey] = useState('');
  const [keyError, setKeyError] = useState<string | undefined>();
  const byodkim = detail.type === 'DOMAIN' && detail.dkim.origin === 'EXTERNAL';

  const confirm = () => {
    let key: string | undefined;
    if (byodkim) {
      const parsed = dkimPrivateKeySchema.safeParse(privateKey.replace(/\s+/g, ''));
      if (!parsed.success) {
        setKeyError(parsed.error.issues[0]?.message);
        return;
      }
      key = parsed.data;
    }
    recreate.mutateAsync(key ? { privateKey: key } : {}).then(
      (result) => {
        setOpen(false);
        for (const note of recreateOutcomeNotifications(result).reverse()) notify(note);
      },
      (error: unknown) => {
        setOpen(false);
        notify({
          id: `recreate-${detail.name}`,
          type: 'error',
          header: `${detail.name} could not be re-created`,
          content: describeError(error),
        });
      },
    );
  };

  return (
    <>
      <Button
        disabled={!allowed}
        disabledReason={allowed ? undefined : 'Your role may not re-create identities (needs admin)'}
        onClick={() => setOpen(true)}
      >
        Re-create identity
      </Button>
      {open && (
        <Modal
          visible
          onDismiss={() => setOpen(false)}
          header={`Re-create ${detail.name}?`}
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
                <Button variant="primary" loading={recreate.isPending} onClick={confirm}>
                  Re-create identity
                </Button>
              </SpaceBetween>
            </Box>
          }
        >
          <SpaceBetween size="m">
            <Box>
              SES deletes {detail.name} and creates it again, keeping: {recreateKeeps(detail).join(', ')}.
            </Box>
            <Box>
              {detail.type === 'DOMAIN'
                ? detail.hostedZone
                  ? `It gets new DKIM records, published to hosted zone ${detail.hostedZone.name}. Sending from it stops until SES finds them.`
                  : 'It gets new DKIM records, which you publish with your DNS provider. Sending from it stops until SES finds them.'
                : 'A new verification email is sent; sending from it stops until its link is opened.'}
            </Box>
            {byodkim && (
              <FormField
                label="Private key"
                description={`SES never returns a BYODKIM key: give the base64 private key of selector ${detail.dkim.tokens[0] ?? ''}.`}
                errorText={keyError}
              >
                <Textarea
                  value={privateKey}
                  rows={4}
                  onChange={({ detail: d }) => {
                    setPrivateKey(d.value);
                    setKeyError(undefined);
                  }}
                />
              </FormField>
            )}
          </SpaceBetween>
        </Modal>
      )}
    </>
  );
}
