/** Grades submissions of one lab, one after another on one cluster that is reset before each. */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ClusterPool } from '../cluster/cluster-pool.ts';
import type { Localized, ProgramResult } from '../lab-kit/lab-format.ts';
import type { CompileProblem } from '../runner/compile.ts';
import { chooseRunner } from '../runner/choose-runner.ts';
import { loadLab } from '../lab/lab-catalog.ts';
import { runLab } from '../lab/lab-run.ts';
import type { ProgramRunner } from '../runner/program-runner.ts';
import type { CheckResult } from '../checks/run-checks.ts';

export interface GradedSubmission {
  name: string;
  file: string;
  score: number;
  maxScore: number;
  compileProblems?: CompileProblem[];
  program?: Pick<ProgramResult, 'ending' | 'exitCode' | 'durationMs'>;
  /** Steps of the lab's scenario that could not be done during this submission's run. */
  scenarioProblems?: Localized[];
  checks: CheckResult[];
  /** The end of what the program printed: evidence for the instructor, never the proof of a check. */
  output?: string;
  /** Claims in the program's output that the cluster refutes, one per check that found one. */
  contradictions: Localized[];
  seconds: number;
}

/** How much of a program's output the report keeps. */
const OUTPUT_KEPT = 4000;

export interface GradingReport {
  lab: string;
  gradedAt: string;
  submissions: GradedSubmission[];
}

/** The same claim refuted by several checks is one flag. */
function distinct(claims: Localized[]): Localized[] {
  return [...new Map(claims.map((claim) => [claim.en, claim])).values()];
}

function tail(text: string): string {
  return text.length <= OUTPUT_KEPT ? text : `…${text.slice(-OUTPUT_KEPT)}`;
}

/** The .ts files among the arguments, folders expanded to the .ts files directly inside them. */
export function findSubmissions(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const full = resolve(path);
    if (!statSync(full).isDirectory()) return [full];
    return readdirSync(full).filter((name) => name.endsWith('.ts')).sort().map((name) => join(full, name));
  });
}

export async function gradeSubmissions(
  labId: string,
  files: string[],
  options: { runner?: ProgramRunner; onProgress?: (index: number, total: number, graded: GradedSubmission) => void } = {},
): Promise<GradingReport> {
  const lab = await loadLab(labId);
  const pool = new ClusterPool({ maxIdle: 1 });
  const cluster = await pool.acquire(lab.definition.cluster);
  const runner = options.runner ?? chooseRunner();
  const submissions: GradedSubmission[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const started = performance.now();
      // Every submission starts from the lab's clean state, even in labs whose page runs keep state.
      if (!lab.definition.cleanSlate) await cluster.reset();
      const report = await runLab({ lab, source: await readFile(file, 'utf8'), cluster, runner, includeHidden: true });
      const graded: GradedSubmission = {
        name: basename(file).replace(/\.ts$/, ''),
        file,
        score: report.checks.reduce((sum, check) => sum + check.earned, 0),
        maxScore: lab.checks.reduce((sum, check) => sum + check.points, 0),
        compileProblems: report.compileProblems,
        program: report.program && { ending: report.program.ending, exitCode: report.program.exitCode, durationMs: report.program.durationMs },
        scenarioProblems: report.scenarioProblems?.length ? report.scenarioProblems : undefined,
        checks: report.checks,
        output: report.program && tail(report.program.stdout + (report.program.stderr ? `\n--- stderr ---\n${report.program.stderr}` : '')),
        contradictions: distinct(report.checks.flatMap((check) => (check.contradiction ? [check.contradiction] : []))),
        seconds: (performance.now() - started) / 1000,
      };
      submissions.push(graded);
      options.onProgress?.(index, files.length, graded);
    }
  } finally {
    if (!options.runner) await runner.dispose();
    await pool.release(cluster);
    await pool.dispose();
  }
  return { lab: labId, gradedAt: new Date().toISOString(), submissions };
}
