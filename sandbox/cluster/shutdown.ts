/** Anything the sandbox must remove before the process ends. */
export interface Disposable {
  dispose(): Promise<void>;
}

const live = new Set<Disposable>();
let installed = false;

/**
 * Keeps track of live clusters so that Ctrl+C or a SIGTERM (a container stop, CI cancelling) removes them
 * before the process exits, instead of leaving containers for the next start-up's sweep.
 */
export function trackForShutdown(resource: Disposable): void {
  live.add(resource);
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    // A signal can arrive twice (Ctrl+C from the terminal and forwarded by npm start): the second must not
    // cut the removal short, so the handler stays and shutDown runs once.
    process.on(signal, () => void shutDown(code));
  }
}

let stopping: Promise<never> | undefined;

/** Removes everything tracked, then ends the process with `code`. */
export function shutDown(code: number): Promise<never> {
  stopping ??= Promise.allSettled([...live].map((r) => r.dispose())).then(() => process.exit(code));
  return stopping;
}

export function untrack(resource: Disposable): void {
  live.delete(resource);
}
