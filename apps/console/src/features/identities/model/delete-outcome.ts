import type { DeleteResult } from '@ses-console/contract';

/** One row's delete result, keyed like the row (region + name: the same name can be in two regions). */
export interface DeleteRowResult {
  key: string;
  /** How the row is named in the dialog and the messages. */
  label: string;
  outcome: DeleteResult['outcome'];
  message?: string;
}

/**
 * Failed ones are still there; unconfirmed ones may be: both stay for a retry (deleting again is
 * safe: a gone identity answers "Already gone").
 */
export const isLeft = (r: Pick<DeleteRowResult, 'outcome'>) =>
  r.outcome === 'failed' || r.outcome === 'unknown';

/** The in-progress message while a delete runs. */
export function deletingMessage(labels: readonly string[]): string {
  return `Deleting ${labels.length === 1 && labels[0] ? labels[0] : `${labels.length} identities`}…`;
}

export type DeleteSummary =
  | { complete: true; message: string }
  | { complete: false; type: 'warning' | 'error'; header: string; left: DeleteRowResult[] };

/**
 * What a finished delete tells the user: every row went (a success), or how many went and what is
 * left (failed, or not confirmed because SES did not answer) — and, where rows are selected, that
 * those stay selected.
 */
export function summarizeDelete(results: readonly DeleteRowResult[], keptSelected: boolean): DeleteSummary {
  const left = results.filter(isLeft);
  const gone = results.filter((r) => !isLeft(r));
  if (left.length === 0) {
    return {
      complete: true,
      message:
        gone.length === 1
          ? `Successfully deleted ${gone[0]?.label}.`
          : `Successfully deleted ${gone.length} identities.`,
    };
  }
  const failed = left.filter((r) => r.outcome === 'failed').length;
  const unconfirmed = left.filter((r) => r.outcome === 'unknown').length;
  const parts = [
    failed > 0 ? `${failed} could not be deleted` : '',
    unconfirmed > 0
      ? `${unconfirmed} ${unconfirmed === 1 ? 'was' : 'were'} not confirmed (SES did not answer; ${unconfirmed === 1 ? 'it' : 'they'} may or may not be deleted)`
      : '',
  ].filter(Boolean);
  const kept = keptSelected ? ` and ${left.length === 1 ? 'stays' : 'stay'} selected` : '';
  return {
    complete: false,
    type: gone.length ? 'warning' : 'error',
    header: `Deleted ${gone.length} of ${results.length} identities. ${parts.join('; ')}${kept}.`,
    left,
  };
}

/** Why a row is left, as the Flashbar lists it. */
export const leftReason = (r: DeleteRowResult) =>
  r.message ?? (r.outcome === 'unknown' ? 'not confirmed' : 'unknown error');
