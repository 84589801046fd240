/**
 * The test every lab gets: on one warm cluster per test file, the reference solution passes every check
 * (hidden ones too), the starter fails at least one, and each wrong submission fails the intended check
 * with the intended message. Wrong submissions are the solution with one deliberate mistake.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import type { KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import type { CheckResult } from '../../sandbox/checks/run-checks.ts';
import { loadLab, type LoadedLab } from '../../sandbox/lab/lab-catalog.ts';
import { runLab, type LabRunReport } from '../../sandbox/lab/lab-run.ts';
import { chooseRunner } from '../../sandbox/runner/choose-runner.ts';
import type { ProgramRunner } from '../../sandbox/runner/program-runner.ts';

export interface WrongSubmission {
  name: string;
  /** The solution with `replace` swapped for `with`; the text must occur in the solution. */
  replace: string | RegExp;
  with: string;
  /** The check that must fail, and what its English message must say. */
  fails: string;
  message: RegExp;
}

/** The solution with one mistake; fails loudly when the solution no longer contains the text to replace. */
export function mistake(solution: string, wrong: Pick<WrongSubmission, 'replace' | 'with' | 'name'>): string {
  const mutated = solution.replace(wrong.replace, wrong.with);
  assert.notEqual(mutated, solution, `"${wrong.name}": the solution no longer contains ${String(wrong.replace)}`);
  return mutated;
}

/** Where the lab tests run programs: the runner the course uses by default (containers). */
export const labRunner: ProgramRunner = chooseRunner();

export async function runSubmission(lab: LoadedLab, cluster: KafkaCluster, source: string): Promise<LabRunReport> {
  return runLab({ lab, source, cluster, runner: labRunner, includeHidden: true });
}

export function describeFailures(report: LabRunReport): string {
  const failed = report.checks.filter((c) => !c.passed).map((c: CheckResult) => `${c.id}: ${c.message?.en} (expected ${c.expected}, actual ${c.actual})`);
  const program = report.program ? `${report.program.ending}/${report.program.exitCode}\n${report.program.stdout.slice(-2000)}\n${report.program.stderr.slice(-2000)}` : JSON.stringify(report.compileProblems);
  return `${failed.join('\n')}\n--- program: ${program}`;
}

export function labSuite(labId: string, wrongSubmissions: WrongSubmission[]): void {
  describe(`lab ${labId}`, () => {
    const pool = new ClusterPool({ maxIdle: 1 });
    let lab: LoadedLab;
    let cluster: KafkaCluster;
    before(async () => {
      lab = await loadLab(labId);
      cluster = await pool.acquire(lab.definition.cluster);
    });
    after(async () => {
      await labRunner.dispose();
      await pool.release(cluster);
      await pool.dispose();
    });

    it('passes every check with the reference solution', async () => {
      const report = await runSubmission(lab, cluster, lab.solution);
      assert.equal(report.program?.ending, 'exited', describeFailures(report));
      assert.equal(report.checks.length, lab.checks.length);
      assert.ok(report.checks.every((c) => c.passed), describeFailures(report));
    });

    it('fails at least one check with the starter', async () => {
      const report = await runSubmission(lab, cluster, lab.starter);
      assert.ok(report.checks.some((c) => !c.passed), 'the starter passes every check');
    });

    for (const wrong of wrongSubmissions) {
      it(`fails "${wrong.fails}" when the submission ${wrong.name}`, async () => {
        const report = await runSubmission(lab, cluster, mistake(lab.solution, wrong));
        const check = report.checks.find((c) => c.id === wrong.fails);
        assert.ok(check, `no check ${wrong.fails}`);
        assert.equal(check.passed, false, describeFailures(report));
        assert.match(check.message?.en ?? '', wrong.message);
        assert.ok(check.message?.ko, 'a Korean message too');
      });
    }
  });
}
