/**
 * Wraps work done once per process (connecting to Docker, choosing an image, creating a shared network):
 * every call shares the first call's promise while it is pending or has succeeded; a failure is forgotten,
 * so the next call tries again (the learner may have started Docker or built the image meanwhile).
 */
export function onceUntilFailure<Args extends unknown[], T>(work: (...args: Args) => Promise<T>): (...args: Args) => Promise<T> {
  let current: Promise<T> | undefined;
  return (...args) => {
    current ??= work(...args).catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };
}
