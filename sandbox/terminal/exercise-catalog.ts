/** Finds terminal exercises by id in labs/<id>/: the definition (exercise.ts) and its checks (checks.ts). */
import type { ExerciseCheck, ExerciseDefinition } from '../lab-kit/exercise-format.ts';
import { importFromLab, labHasFile } from '../lab-folders.ts';

export interface LoadedExercise {
  definition: ExerciseDefinition;
  checks: ExerciseCheck[];
}

export function isTerminalExercise(id: string): boolean {
  return labHasFile(id, 'exercise.ts');
}

export async function loadExercise(id: string): Promise<LoadedExercise> {
  if (!isTerminalExercise(id)) throw new Error(`unknown terminal exercise "${id}" (no labs/${id}/exercise.ts)`);
  const exercise = await importFromLab<ExerciseDefinition>(id, 'exercise.ts', 'exercise');
  const checks = await importFromLab<ExerciseCheck[]>(id, 'checks.ts', 'checks');
  if (exercise.id !== id) throw new Error(`labs/${id}/exercise.ts declares id "${exercise.id}"`);
  const steps = new Set(exercise.steps.map((step) => step.id));
  const stray = checks.find((check) => !steps.has(check.step));
  if (stray) throw new Error(`labs/${id}/checks.ts: check "${stray.id}" grades unknown step "${stray.step}"`);
  return { definition: exercise, checks };
}
