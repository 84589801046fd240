/** Finds terminal exercises by id in labs/<id>/: the definition (exercise.ts) and its checks (checks.ts). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExerciseCheck, ExerciseDefinition } from '../../labs/exercise-format.ts';

const labsDir = join(import.meta.dirname, '..', '..', 'labs');

export interface LoadedExercise {
  definition: ExerciseDefinition;
  checks: ExerciseCheck[];
}

export function isTerminalExercise(id: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && existsSync(join(labsDir, id, 'exercise.ts'));
}

export async function loadExercise(id: string): Promise<LoadedExercise> {
  if (!isTerminalExercise(id)) throw new Error(`unknown terminal exercise "${id}" (no labs/${id}/exercise.ts)`);
  const dir = join(labsDir, id);
  const { exercise } = (await import(pathToFileURL(join(dir, 'exercise.ts')).href)) as { exercise: ExerciseDefinition };
  const { checks } = (await import(pathToFileURL(join(dir, 'checks.ts')).href)) as { checks: ExerciseCheck[] };
  if (exercise.id !== id) throw new Error(`labs/${id}/exercise.ts declares id "${exercise.id}"`);
  const steps = new Set(exercise.steps.map((step) => step.id));
  const stray = checks.find((check) => !steps.has(check.step));
  if (stray) throw new Error(`labs/${id}/checks.ts: check "${stray.id}" grades unknown step "${stray.step}"`);
  return { definition: exercise, checks };
}
