import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface DebianSource {
  mirror: string;
  suite: string;
}

/**
 * The Debian mirror and release this machine's own apt uses, so debootstrap fetches from wherever apt
 * may fetch (DEBIAN_MIRROR and DEBIAN_SUITE override it). Reads both one-line and deb822 sources.
 */
export async function debianSource(): Promise<DebianSource> {
  const suite = process.env.DEBIAN_SUITE ?? (await osCodename());
  const mirror = process.env.DEBIAN_MIRROR ?? (await aptMirrorFor(suite));
  if (!mirror) {
    throw new Error(
      `no Debian mirror for "${suite}" in /etc/apt/sources.list(.d): set DEBIAN_MIRROR to a Debian mirror URL`,
    );
  }
  return { mirror, suite };
}

async function osCodename(): Promise<string> {
  const release = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const id = /^ID=(.*)$/m.exec(release)?.[1]?.replaceAll('"', '');
  const codename = /^VERSION_CODENAME=(.*)$/m.exec(release)?.[1]?.replaceAll('"', '');
  // The image is Debian whatever the host is; a non-Debian host must name a suite and mirror itself.
  return id === 'debian' && codename ? codename : 'bookworm';
}

async function aptMirrorFor(suite: string): Promise<string | undefined> {
  const dir = '/etc/apt/sources.list.d';
  const paths = ['/etc/apt/sources.list', ...(await readdir(dir).catch(() => [])).map((f) => join(dir, f))];
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8').catch(() => '') })));
  return mirrorInSources(files, suite);
}

/** The first mirror serving `suite` with `main` in apt source files, one-line (.list) or deb822 (.sources). */
export function mirrorInSources(files: Array<{ path: string; text: string }>, suite: string): string | undefined {
  for (const { path, text } of files) {
    const found = path.endsWith('.sources') ? fromDeb822(text, suite) : fromOneLine(text, suite);
    if (found) return found;
  }
  return undefined;
}

function fromOneLine(text: string, suite: string): string | undefined {
  for (const line of text.split('\n')) {
    const fields = line.replace(/\[[^\]]*\]/, '').trim().split(/\s+/);
    if (fields[0] === 'deb' && fields[2] === suite && fields.slice(3).includes('main')) return fields[1];
  }
  return undefined;
}

function fromDeb822(text: string, suite: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(stanza)?.[1]?.trim().split(/\s+/) ?? [];
    if (field('Types').includes('deb') && field('Suites').includes(suite) && field('Components').includes('main')) {
      return field('URIs')[0];
    }
  }
  return undefined;
}
