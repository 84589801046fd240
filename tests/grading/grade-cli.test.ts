import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { GradingReport } from '../../sandbox/grading/grade-submissions.ts';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';

const root = join(import.meta.dirname, '..', '..');
const grade = (...args: string[]) =>
  spawnSync(process.execPath, ['--disable-warning=TimeoutNegativeWarning', 'sandbox/cli/grade.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 });

describe('npm run grade', () => {
  const work = mkdtempSync(join(tmpdir(), 'grade-test-'));
  const submissions = join(work, 'submissions');
  const out = join(work, 'out');
  let run: ReturnType<typeof grade>;
  let report: GradingReport;

  before(async () => {
    const lab = await loadLab('keyed-producer');
    mkdirSync(submissions);
    writeFileSync(join(submissions, 'ana.ts'), lab.solution);
    writeFileSync(join(submissions, 'ben.ts'), lab.starter);
    writeFileSync(join(submissions, 'cho.ts'), 'import { Kafka } from "kafkajs";\nconst kafka = new Kafka({ brokers: [ });\n');
    // A submission that looks for the lab's hidden checks on the machine: 7 if it sees them, 3 if not.
    writeFileSync(join(submissions, 'dan.ts'), `import { existsSync } from 'node:fs';\nprocess.exit(existsSync(${JSON.stringify(join(root, 'labs/keyed-producer/checks.ts'))}) ? 7 : 3);\n`);
    run = grade('keyed-producer', submissions, '--out', out);
    report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as GradingReport;
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('exits 0 although submissions fail, and shows progress', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /\[1\/4\] ana: 10\/10 points, all checks pass/);
    assert.match(run.stderr, /\[2\/4\] ben: \d+\/10 points, failed: every-record-keyed, key-one-partition, order-per-key/);
    assert.match(run.stderr, /\[3\/4\] cho: 0\/10 points, does not compile/);
  });

  it('runs submissions in containers, where the host\'s files are not', () => {
    assert.match(run.stderr, /^Lab programs run in containers/m);
    const dan = report.submissions.find((s) => s.name === 'dan')!;
    assert.deepEqual([dan.program?.ending, dan.program?.exitCode], ['exited', 3]);
  });

  it('writes per-check results with points, message, expected and actual, hidden checks included', () => {
    const [ana, ben, cho] = report.submissions;
    assert.deepEqual(report.submissions.map((s) => s.name), ['ana', 'ben', 'cho', 'dan']);
    assert.equal(ana!.score, ana!.maxScore);
    assert.ok(ana!.checks.some((c) => c.hidden && c.passed), 'the hidden check ran');
    const keyed = ben!.checks.find((c) => c.id === 'every-record-keyed')!;
    assert.deepEqual([keyed.passed, keyed.earned, keyed.points], [false, 0, 2]);
    assert.match(keyed.message!.en, /20 of 20 records do not have a customer name as their key/);
    assert.equal(keyed.actual, '20 of 20 with key null');
    assert.deepEqual(cho!.compileProblems!.map((p) => [p.line, p.column]), [[2, 38]]);
    assert.ok(cho!.checks.every((c) => !c.passed && /did not compile \(2:38/.test(c.message!.en)));
  });

  it('writes JUnit XML with one suite per submission and a failure per failed check', () => {
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    assert.match(junit, /<testsuite name="ana" tests="5" failures="0"/);
    assert.match(junit, /<testsuite name="ben" tests="5" failures="3"/);
    assert.match(junit, /<testsuite name="cho" tests="5" failures="5"/);
    assert.match(junit, /<failure message="20 of 20 records do not have a customer name as their key\.">/);
  });

  it('writes a Markdown and an HTML summary, with each check\'s verifies line and evidence per submission', () => {
    const markdown = readFileSync(join(out, 'summary.md'), 'utf8');
    const html = readFileSync(join(out, 'summary.html'), 'utf8');
    assert.match(markdown, /\| ana \| 10\/10 \| exited \(0\) \|  \| ✅ \| ✅ \| ✅ \| ✅ \| ✅ \|/);
    assert.match(html, /<th scope="row"><a href="#submission-cho">cho<\/a><\/th><td>0\/10<\/td><td>does not compile \(2:38\)<\/td>/);
    const ben = html.slice(html.indexOf('<section id="submission-ben">')).split('</section>')[0]!;
    assert.match(ben, /❌ every-record-keyed<\/strong> \(0\/2\)/);
    assert.match(ben, /<li>verified: Checked that every record read back from orders has a customer name .* as its key\. \/ orders에서 읽은 레코드마다/);
    assert.match(ben, /<li>found: 20 of 20 with key null<\/li>/);
    assert.match(ben, /What the program printed \(evidence, not proof\)/);
    assert.match(markdown, /## ben: \d+\/10, exited \(0\)\n\n- ✅ \*\*all-sent\*\* \(2\/2\)/);
  });

  it('carries each check\'s verifies line in both languages into results.json', () => {
    for (const check of report.submissions[0]!.checks) assert.ok(check.verifies.ko && check.verifies.en, check.id);
  });

  it('exits non-zero when grading itself cannot run', () => {
    const unknown = grade('no-such-lab', submissions, '--out', join(work, 'unknown'));
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Grading failed: unknown lab "no-such-lab"/);
  });
});
