/**
 * The test every code lab gets, through the instructors' own path: ONE `npm run grade` run (the CLI,
 * spawned) grades the reference solution, the starter and every wrong route in labs/<id>/wrong/ on a real
 * cluster, with hidden checks and the lab's variations. Then: the solution passes every check, the starter
 * fails at least one, and each wrong route fails the check its header names, with a matching English
 * message and a Korean one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { GradedSubmission, GradingReport } from '../../sandbox/grading/grade-submissions.ts';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';
import { xml } from '../../sandbox/grading/report-formats.ts';
import { wrongRoutes } from './wrong-routes.ts';

const root = join(import.meta.dirname, '..', '..');
const GRADE_TIMEOUT_MS = 40 * 60_000;

/** A submission's failed checks, with messages and evidence, for an assertion's message. */
export function describeSubmission(submission: GradedSubmission): string {
  const checks = submission.checks.map((c) => `${c.passed ? 'pass' : 'FAIL'} ${c.id}: ${c.message?.en ?? ''} (expected ${c.expected}, actual ${c.actual})`);
  return `${submission.name} ${submission.score}/${submission.maxScore}\n${checks.join('\n')}\n--- output:\n${submission.output ?? ''}`;
}

export function labSuite(labId: string): void {
  describe(`lab ${labId}, graded by npm run grade`, () => {
    const routes = wrongRoutes(labId);
    const work = mkdtempSync(join(tmpdir(), `lab-${labId}-`));
    let report: GradingReport;
    let summaryHtml = '';
    let stderr = '';
    const graded = (name: string) => {
      const submission = report.submissions.find((s) => s.name === name);
      assert.ok(submission, `no graded submission ${name}\n${stderr}`);
      return submission;
    };

    before(async () => {
      const lab = await loadLab(labId);
      const submissions = join(work, 'submissions');
      mkdirSync(submissions);
      writeFileSync(join(submissions, 'solution.ts'), lab.solution);
      writeFileSync(join(submissions, 'starter.ts'), lab.starter);
      for (const route of routes) copyFileSync(route.file, join(submissions, `wrong-${route.name}.ts`));
      const out = join(work, 'out');
      const run = spawnSync(process.execPath, ['--disable-warning=TimeoutNegativeWarning', 'sandbox/cli/grade.ts', labId, submissions, '--out', out], {
        cwd: root, encoding: 'utf8', timeout: GRADE_TIMEOUT_MS,
      });
      stderr = run.stderr;
      assert.equal(run.status, 0, `npm run grade failed:\n${run.stderr}`);
      report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as GradingReport;
      summaryHtml = readFileSync(join(out, 'summary.html'), 'utf8');
    });
    /** The submission's section of summary.html. */
    const section = (name: string) => summaryHtml.slice(summaryHtml.indexOf(`<section id="submission-${name}">`)).split('</section>')[0]!;
    after(() => rmSync(work, { recursive: true, force: true }));

    it('has wrong routes, each naming a check of the lab', async () => {
      const ids = new Set((await loadLab(labId)).checks.map((c) => c.id));
      assert.ok(routes.length > 0, `labs/${labId}/wrong/ holds no route`);
      for (const route of routes) assert.ok(ids.has(route.fails), `${route.name}: no check ${route.fails}`);
    });

    it('passes every check, hidden ones and variations included, with the reference solution', () => {
      const solution = graded('solution');
      assert.equal(solution.program?.ending, 'exited', describeSubmission(solution));
      assert.ok(solution.checks.every((c) => c.passed), describeSubmission(solution));
      assert.deepEqual(solution.contradictions, [], 'the solution\'s output contradicts nothing');
      assert.ok(solution.checks.every((c) => c.verifies.en && c.verifies.ko), 'every check says what it verified, in both languages');
      for (const check of solution.checks) assert.ok(section('solution').includes(xml(check.verifies.en)), `summary.html shows what ${check.id} verified`);
    });

    it('fails at least one check with the starter', () => {
      const starter = graded('starter');
      assert.ok(starter.checks.some((c) => !c.passed), describeSubmission(starter));
    });

    for (const route of routes) {
      it(`fails "${route.fails}" on the wrong route ${route.name}: ${route.description}`, () => {
        const submission = graded(`wrong-${route.name}`);
        const check = submission.checks.find((c) => c.id === route.fails);
        assert.ok(check, `no check ${route.fails}`);
        assert.equal(check.passed, false, describeSubmission(submission));
        assert.match(check.message?.en ?? '', route.message, describeSubmission(submission));
        assert.ok(check.message?.ko, 'a Korean message too');
        assert.ok(submission.score < submission.maxScore);
        if (route.flagged) {
          assert.ok(submission.contradictions.length > 0, 'the report flags the output as contradicting the cluster');
          assert.match(section(submission.name), /⚠ output contradicts the cluster/);
        }
      });
    }
  });
}
