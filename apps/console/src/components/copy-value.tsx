import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';

/** A value with an inline copy button, as in the AWS console. */
export function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <CopyToClipboard
      variant="icon"
      textToCopy={value}
      copyButtonAriaLabel={`Copy ${label}`}
      copySuccessText={`${label} copied`}
      copyErrorText={`${label} failed to copy`}
    />
  );
}
