/**
 * An AWS error as it goes on the wire. Services declare one subclass per AWS error code;
 * each wire protocol's one error writer (`WireProtocol.errorResponse`) serialises it.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** `Sender` for client faults, `Receiver` for server faults (the XML protocols' `Error.Type`). */
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}
