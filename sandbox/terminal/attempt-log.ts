import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ExerciseCheckResult } from './exercise-grader.ts';

/** One press of "check": what was graded, against what, and the terminal session that led to it. */
export interface ExerciseAttempt {
  learnerId: string;
  exerciseId: string;
  /** ISO 8601. */
  at: string;
  answers: Record<string, string>;
  results: ExerciseCheckResult[];
  /** The session's terminal output (with the echoed input) as plain text, for instructor review; its end when long. */
  transcript: string;
}

export interface AttemptLog {
  record(attempt: ExerciseAttempt): Promise<void>;
}

export interface AttemptLimits {
  /** Attempts kept per learner, over all exercises; the oldest go first. 200 unless told otherwise. */
  maxAttempts: number;
  /** Bytes of attempt files kept per learner; 20 MB unless told otherwise. */
  maxBytes: number;
  /** Characters of transcript kept per attempt (its end); 64 k unless told otherwise. */
  maxTranscriptChars: number;
}

const DEFAULT_LIMITS: AttemptLimits = { maxAttempts: 200, maxBytes: 20 * 1024 * 1024, maxTranscriptChars: 64 * 1024 };

const CUT_MARK = '[… earlier output cut]\n';

/**
 * Attempts as JSON files: <dir>/<learner>/<exercise>/<time>.json. Each learner's attempts are bounded in
 * number and bytes, so a learner pressing "check" in a loop cannot fill the server's disk.
 */
export class FileAttemptLog implements AttemptLog {
  private readonly dir: string;
  private readonly limits: AttemptLimits;
  /** One write-and-prune at a time, so two checks never prune each other's files. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(dir: string, limits: Partial<AttemptLimits> = {}) {
    this.dir = dir;
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  record(attempt: ExerciseAttempt): Promise<void> {
    const done = this.tail.then(() => this.write(attempt));
    this.tail = done.catch(() => undefined);
    return done;
  }

  private async write(attempt: ExerciseAttempt): Promise<void> {
    const { maxTranscriptChars } = this.limits;
    const transcript = attempt.transcript.length > maxTranscriptChars
      ? CUT_MARK + attempt.transcript.slice(-maxTranscriptChars)
      : attempt.transcript;
    const dir = join(this.dir, attempt.learnerId, attempt.exerciseId);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${attempt.at.replace(/[:.]/g, '-')}.json`), JSON.stringify({ ...attempt, transcript }, null, 2));
    await this.prune(join(this.dir, attempt.learnerId));
  }

  /** Removes the learner's oldest attempts until both bounds hold. */
  private async prune(learnerDir: string): Promise<void> {
    const names = (await readdir(learnerDir, { recursive: true })).filter((name) => name.endsWith('.json'));
    const files = await Promise.all(names.map(async (name) => {
      const path = join(learnerDir, name);
      return { path, size: (await stat(path)).size, time: basename(path) };
    }));
    // A file's name is its attempt's time (ISO 8601), so names sort oldest first.
    files.sort((a, b) => a.time.localeCompare(b.time) || a.path.localeCompare(b.path));
    let bytes = files.reduce((sum, file) => sum + file.size, 0);
    let count = files.length;
    for (const file of files) {
      if (count <= this.limits.maxAttempts && bytes <= this.limits.maxBytes) break;
      await rm(file.path, { force: true });
      count--;
      bytes -= file.size;
    }
  }
}
