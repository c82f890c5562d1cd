import type { ReactNode } from 'react';

const MAIN_CONTENT_ID = 'main-content';

/**
 * "Skip to main content", the first Tab stop of every page: past the top bar, the side navigation and
 * the breadcrumbs straight to the page. Moves focus itself (no `#main-content` in the URL, which the
 * router would treat as a navigation).
 */
export function SkipLink() {
  return (
    <a
      className="ses-skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        event.preventDefault();
        // focus() also scrolls it into view.
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}

/** Where the skip link lands: the page's content (focusable by script only). */
export function MainContent({ children }: { children: ReactNode }) {
  return (
    <div id={MAIN_CONTENT_ID} className="ses-main-content" tabIndex={-1}>
      {children}
    </div>
  );
}
