import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExerciseCheckResult } from './exercise-grader.ts';

/** One press of "check": what was graded, against what, and the terminal session that led to it. */
export interface ExerciseAttempt {
  learnerId: string;
  exerciseId: string;
  /** ISO 8601. */
  at: string;
  answers: Record<string, string>;
  results: ExerciseCheckResult[];
  /** The session's terminal output (with the echoed input) as plain text, for instructor review. */
  transcript: string;
}

export interface AttemptLog {
  record(attempt: ExerciseAttempt): Promise<void>;
}

/** Attempts as JSON files: <dir>/<learner>/<exercise>/<time>.json. */
export class FileAttemptLog implements AttemptLog {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async record(attempt: ExerciseAttempt): Promise<void> {
    const dir = join(this.dir, attempt.learnerId, attempt.exerciseId);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${attempt.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(attempt, null, 2));
  }
}
