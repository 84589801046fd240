/**
 * The names the course server answers to. A request whose Host is another name is a page of some other
 * site whose DNS now points here (DNS rebinding); one whose Origin is another site is a page the learner
 * visits trying to use their sandbox. Both are refused before any handler runs.
 */

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

export class AllowedOrigins {
  /** Origins as browsers serialize them: scheme://host[:port], lower case, no default port. */
  private readonly origins = new Set<string>();
  /** Host header values, lower case, with and without a default port. */
  private readonly hosts = new Set<string>();

  /** Loopback names at `port`, the address the server listens on, and each public origin. */
  constructor(options: { port: number; listenHost: string; publicOrigins: readonly string[] }) {
    const listenName = options.listenHost.includes(':') && !options.listenHost.startsWith('[') ? `[${options.listenHost}]` : options.listenHost;
    const names = WILDCARD_ADDRESSES.has(listenName) ? LOOPBACK_NAMES : [...LOOPBACK_NAMES, listenName];
    for (const name of names) this.add(new URL(`http://${name}:${options.port}`));
    for (const origin of options.publicOrigins) this.add(new URL(origin));
  }

  allowsHost(host: string | undefined): boolean {
    return host !== undefined && this.hosts.has(host.toLowerCase());
  }

  allowsOrigin(origin: string): boolean {
    return this.origins.has(origin.toLowerCase());
  }

  private add(url: URL): void {
    this.origins.add(url.origin);
    this.hosts.add(url.host);
    if (!url.port) this.hosts.add(`${url.host}:${url.protocol === 'https:' ? 443 : 80}`);
  }
}

/**
 * COURSE_PUBLIC_ORIGIN: the origins a room host serves the course at, comma-separated
 * (e.g. http://kafka-course.lan:4321). Throws a clear error for anything that is not an http(s) origin.
 */
export function parsePublicOrigins(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value.split(',').map((entry) => {
    const text = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !bare || !['http:', 'https:'].includes(url.protocol)) {
      throw new Error(`COURSE_PUBLIC_ORIGIN: "${text}" is not an origin such as http://kafka-course.lan:4321 (scheme, name and port; no path)`);
    }
    return url.origin;
  });
}
