/**
 * An AWS error as it goes on the wire. Services declare one subclass per AWS error code;
 * the protocol codecs (rest-json, rest-xml) serialise it.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** `Sender` for client faults, `Receiver` for server faults (Route 53 XML `Type`). */
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}
