import Box from '@cloudscape-design/components/box';
import { Component, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface RootErrorBoundaryProps {
  children: ReactNode;
  reload(): void;
}

/**
 * The last boundary, around the providers and the router: whatever fails outside a route (which has
 * its own error element) still shows what failed and Reload, never a blank page.
 */
export class RootErrorBoundary extends Component<RootErrorBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Box padding="xxl">
        <main>
          <ErrorPanel error={this.state.error} onReload={this.props.reload} />
        </main>
      </Box>
    );
  }
}
