/** The folders labs/<id>/ as the sandbox reads them at run time: code labs and terminal exercises alike. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const labsDir = join(import.meta.dirname, '..', 'labs');

/** Whether labs/<id>/<file> exists, for an id that is a plain folder name (never a path). */
export function labHasFile(id: string, file: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && existsSync(join(labsDir, id, file));
}

/** One named export of labs/<id>/<file>. */
export async function importFromLab<T>(id: string, file: string, name: string): Promise<T> {
  const module = (await import(pathToFileURL(join(labsDir, id, file)).href)) as Record<string, unknown>;
  return module[name] as T;
}
