import { type SendTestEmailRequest, simulatorScenarios } from '@ses-console/contract';

export type Scenario = SendTestEmailRequest['scenario'];

/** The mailbox simulator's scenarios, and Custom (an address the user chooses). */
export const scenarioOptions: { value: Scenario; label: string; description?: string }[] = [
  { value: 'success', label: 'Successful delivery', description: simulatorScenarios.success },
  { value: 'bounce', label: 'Bounce', description: simulatorScenarios.bounce },
  { value: 'complaint', label: 'Complaint', description: simulatorScenarios.complaint },
  { value: 'ooto', label: 'Automatic response (ooto)', description: simulatorScenarios.ooto },
  { value: 'suppressionlist', label: 'Suppression list', description: simulatorScenarios.suppressionlist },
  { value: 'custom', label: 'Custom', description: 'Send to an address you choose' },
];

/** The configuration-set option meaning "the identity's default" (no override is sent). */
export const IDENTITY_DEFAULT_SET = '__identity_default__';

/** The request fields the form shows errors for, in the order it shows them. */
export const sendTestEmailFields = [
  'from',
  'customRecipient',
  'subject',
  'body',
  'configurationSetName',
] as const;
export type SendTestEmailField = (typeof sendTestEmailFields)[number];
