/** Finds labs by id in labs/<id>/: the definition (lab.ts), the checks (checks.ts), and the starter and solution sources. */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LabCheck, LabDefinition } from '../../labs/lab-format.ts';

export const labsDir = join(import.meta.dirname, '..', '..', 'labs');

export interface LoadedLab {
  definition: LabDefinition;
  checks: LabCheck[];
  starter: string;
  solution: string;
}

/** Ids of the code labs: folders under labs/ with a lab.ts. */
export function codeLabIds(): string[] {
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(labsDir, entry.name, 'lab.ts')))
    .map((entry) => entry.name)
    .sort();
}

export function isCodeLab(id: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && existsSync(join(labsDir, id, 'lab.ts'));
}

export async function loadLab(id: string): Promise<LoadedLab> {
  if (!isCodeLab(id)) throw new Error(`unknown lab "${id}" (no labs/${id}/lab.ts); known labs: ${codeLabIds().join(', ')}`);
  const dir = join(labsDir, id);
  const { lab } = (await import(pathToFileURL(join(dir, 'lab.ts')).href)) as { lab: LabDefinition };
  const { checks } = (await import(pathToFileURL(join(dir, 'checks.ts')).href)) as { checks: LabCheck[] };
  if (lab.id !== id) throw new Error(`labs/${id}/lab.ts declares id "${lab.id}"`);
  const [starter, solution] = await Promise.all([readFile(join(dir, 'starter.ts'), 'utf8'), readFile(join(dir, 'solution.ts'), 'utf8')]);
  return { definition: lab, checks, starter, solution };
}
