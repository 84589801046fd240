/**
 * An error a learner or instructor can act on: what went wrong, and what to do about it.
 * The sandbox never lets a raw Docker or Kafka error reach them without this framing.
 */
export class SandboxError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(`${message}\n  → ${hint}`, options);
    this.name = 'SandboxError';
    this.hint = hint;
  }
}
