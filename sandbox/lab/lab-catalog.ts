/** Finds labs by id in labs/<id>/: the definition (lab.ts), the checks (checks.ts), and the starter and solution sources. */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabCheck, LabDefinition } from '../lab-kit/lab-format.ts';
import { importFromLab, labHasFile, labsDir } from '../lab-folders.ts';

export interface LoadedLab {
  definition: LabDefinition;
  checks: LabCheck[];
  starter: string;
  solution: string;
}

/** Ids of the code labs: folders under labs/ with a lab.ts. */
export function codeLabIds(): string[] {
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && labHasFile(entry.name, 'lab.ts'))
    .map((entry) => entry.name)
    .sort();
}

export function isCodeLab(id: string): boolean {
  return labHasFile(id, 'lab.ts');
}

export async function loadLab(id: string): Promise<LoadedLab> {
  if (!isCodeLab(id)) throw new Error(`unknown lab "${id}" (no labs/${id}/lab.ts); known labs: ${codeLabIds().join(', ')}`);
  const dir = join(labsDir, id);
  const lab = await importFromLab<LabDefinition>(id, 'lab.ts', 'lab');
  const checks = await importFromLab<LabCheck[]>(id, 'checks.ts', 'checks');
  if (lab.id !== id) throw new Error(`labs/${id}/lab.ts declares id "${lab.id}"`);
  const [starter, solution] = await Promise.all([readFile(join(dir, 'starter.ts'), 'utf8'), readFile(join(dir, 'solution.ts'), 'utf8')]);
  return { definition: lab, checks, starter, solution };
}
