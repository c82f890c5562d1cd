import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import type { DmarcPublish, DnsRecord, IdentityDetail, PublishResult } from '@ses-console/contract';
import { countOf } from '../../../lib/plural';

/**
 * True when Route 53 hosts the domain, some of this container's records are not in it yet, and
 * publishing them would change something: not while their check has FAILED, since SES has stopped
 * looking (DKIM: re-create the identity; MAIL FROM: save the MAIL FROM domain again to restart).
 */
export function canPublish(detail: IdentityDetail, records: DnsRecord[]): boolean {
  const publishable = records.filter((r) => r.publishable);
  const stopped = publishable.some((r) =>
    r.purpose === 'DKIM' ? detail.dkim?.status === 'FAILED' : detail.mailFrom?.status === 'FAILED',
  );
  return (
    !!detail.hostedZone &&
    !stopped &&
    publishable.length > 0 &&
    publishable.some((r) => !r.publishedInRoute53)
  );
}

/**
 * What the Flashbar says after a publish (not `needs_confirmation`, which opens the dialog). The count
 * is of the record sets this publish wrote: the plan's changes, i.e. the container's records that
 * were missing (MAIL FROM: its MX and its TXT, so at most 2), never every record of the identity.
 */
export function publishOutcomeMessage(
  result: PublishResult,
  label: string,
  zoneName: string | undefined,
): Pick<FlashbarProps.MessageDefinition, 'type' | 'header' | 'content'> {
  const zone = result.hostedZone?.name ?? zoneName;
  if (result.outcome === 'no_hosted_zone') {
    return {
      type: 'warning',
      header: 'No Route 53 hosted zone covers this domain',
      content: 'Publish the records with your DNS provider instead.',
    };
  }
  if (result.outcome !== 'published') {
    return { type: 'info', content: `The ${label} records are already published.` };
  }
  const header = `${label} DNS records published to Route 53`;
  if (!result.plan)
    return { type: 'success', header, content: `Written to hosted zone ${zone}. SES verifies them shortly.` };
  const written = result.plan.changes.length;
  if (written === 0)
    return { type: 'success', header, content: `The ${label} records were already in hosted zone ${zone}.` };
  const sets = countOf(written, 'record set was', 'record sets were');
  return {
    type: 'success',
    header,
    content: `${sets} written to hosted zone ${zone}. SES verifies them shortly.`,
  };
}

/** A DMARC value without its TXT quotes, as a person reads it. */
const unquoted = (value: string) => value.replace(/^"(.*)"$/, '$1');

/**
 * What a publish says about the recommended DMARC record: offered when there is none, confirmed when
 * this publish wrote it, and, when the name already has a record, that it was left as it is.
 */
export function dmarcOutcomeMessage(dmarc: DmarcPublish | undefined): string | undefined {
  if (!dmarc) return undefined;
  switch (dmarc.state) {
    case 'missing':
      return `No DMARC record at ${dmarc.name}. We recommend ${unquoted(dmarc.recommended)} (monitoring only); add it with "Add DMARC record".`;
    case 'written':
      return `The recommended DMARC record ${unquoted(dmarc.recommended)} was added at ${dmarc.name}.`;
    case 'existing':
      return `${dmarc.name} already has a DMARC record (${dmarc.existing.map(unquoted).join(', ')}); it was left as it is.`;
  }
}
