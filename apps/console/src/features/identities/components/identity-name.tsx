import Tooltip from '@cloudscape-design/components/tooltip';
import { type CSSProperties, useRef, useState } from 'react';
import { RouterLink } from '../../../components/router-link';

/**
 * Names are measured by their cell, not the other way round (`contain: inline-size`): a 253-character
 * domain takes the Identity column's share of the table instead of pushing Type and Status off screen.
 */
const truncated: CSSProperties = {
  display: 'block',
  contain: 'inline-size',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};
const wrapped: CSSProperties = { display: 'block', contain: 'inline-size', overflowWrap: 'anywhere' };
/** Breaks anywhere (a domain has no spaces), for cards, headings and the tooltip. */
export const breakAnywhere: CSSProperties = { overflowWrap: 'anywhere' };

/**
 * An identity's link in a table cell. `wrap`: the whole name on as many lines as it needs; otherwise
 * one line with an ellipsis, and the full name in a tooltip while the pointer is over it or the link has
 * keyboard focus. The link's text (its accessible name) is always the full name.
 */
export function IdentityNameLink({ name, href, wrap }: { name: string; href: string; wrap: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [tooltip, setTooltip] = useState(false);
  const show = () => {
    const element = ref.current;
    // Only a name the ellipsis actually cut needs the tooltip.
    setTooltip(!!element && element.scrollWidth > element.clientWidth);
  };
  const hide = () => setTooltip(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: it only watches the link inside it (focus and pointer events bubble up); the link is the control.
    <span
      ref={ref}
      style={wrap ? wrapped : truncated}
      onPointerEnter={wrap ? undefined : show}
      onPointerLeave={hide}
      onFocus={wrap ? undefined : show}
      onBlur={hide}
    >
      <RouterLink href={href}>{name}</RouterLink>
      {tooltip && (
        <Tooltip
          content={<span style={breakAnywhere}>{name}</span>}
          getTrack={() => ref.current}
          onEscape={hide}
        />
      )}
    </span>
  );
}
