/**
 * The content-security policy of everything the course server answers. Scripts come from the course's
 * own origin only; the inline scripts a built page carries (Starlight's theme and sidebar scripts, Astro's
 * islands) are allowed by their SHA-256 hashes, read from the page itself. Astro's own `security.csp`
 * hashes only the scripts it bundles, not Starlight's `is:inline` ones, and a <meta> policy cannot forbid
 * framing; so the server sends the whole policy as a header.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type PolicyDirectives = Record<string, string[]>;

export const BASE_POLICY: PolicyDirectives = {
  'default-src': ["'self'"],
  // Pagefind's search runs WebAssembly; 'wasm-unsafe-eval' allows compiling it, not JavaScript eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Expressive Code, xterm.js and CodeMirror style elements inline: styles cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  // The lab API and the terminal's WebSocket (CSP's 'self' covers ws: to the same host).
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export function serializePolicy(directives: PolicyDirectives): string {
  return Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The hashes of a page's inline scripts, in CSP's 'sha256-…' form. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  // HTML ends a script element at the first </script, so this is exactly what a browser executes.
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** Each built page's policy: the base policy plus the page's own inline scripts. */
export class PagePolicies {
  private readonly policies = new Map<string, string>();

  /** Reads every .html file under the site once, at start. */
  async load(siteDir: string): Promise<void> {
    const files = await readdir(siteDir, { recursive: true }).catch(() => [] as string[]);
    await Promise.all(
      files.filter((file) => file.endsWith('.html')).map(async (file) => {
        const path = resolve(join(siteDir, file));
        const hashes = inlineScriptHashes(await readFile(path, 'utf8'));
        const directives = { ...BASE_POLICY, 'script-src': [...BASE_POLICY['script-src']!, ...hashes] };
        this.policies.set(path, serializePolicy(directives));
      }),
    );
  }

  /** The policy for a file of the site; undefined for files that are not pages (the base policy applies). */
  for(path: string): string | undefined {
    return this.policies.get(resolve(path));
  }
}
