import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Where long text may break. Words wrap between words; only a token longer than its column (a DNS
 * name, a key, an ARN) breaks inside, and only where it has to (`overflow-wrap: anywhere`), never as
 * `word-break: break-all` does it, which cuts ordinary words too ("recommen ded").
 */
const breakLongTokens: CSSProperties = { overflowWrap: 'anywhere', wordBreak: 'normal' };

/**
 * Cloudscape's StatusIndicator sets `word-break: break-all` on its label, so a narrow column reads
 * "Suc cess (2 00)"; its label here wraps between words, and a word breaks only if it alone is wider
 * than the column (`break-word` does not shrink the column below its longest word, `anywhere` would).
 */
const wholeWords: CSSProperties = { overflowWrap: 'break-word', wordBreak: 'normal' };

/** A DNS name, record value, key or ARN: breaks inside the token only where it must. */
export function LongText({ children }: { children: ReactNode }) {
  return <span style={breakLongTokens}>{children}</span>;
}

/** A StatusIndicator whose label wraps between words, not inside them. */
export function StatusText({ type, children }: { type: StatusIndicatorProps.Type; children: ReactNode }) {
  return (
    <StatusIndicator type={type}>
      <span style={wholeWords}>{children}</span>
    </StatusIndicator>
  );
}
