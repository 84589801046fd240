/**
 * `npm run grade -- <lab-id> <files or folders> [--out <dir>]`: runs every submission against the lab's
 * cluster (reset before each) with all checks, hidden ones too, and writes results.json, junit.xml,
 * summary.md and summary.html. Exits non-zero only when grading itself fails, never for a failing submission.
 * Submissions run where the course runs learners' programs: in containers, unless LAB_RUNNER=host.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findSubmissions, gradeSubmissions } from '../grading/grade-submissions.ts';
import { toHtml, toJUnit, toMarkdown } from '../grading/report-formats.ts';
import { runnerAnnouncement } from '../runner/choose-runner.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const [labId, ...paths] = positionals;
if (!labId || paths.length === 0) {
  console.error('usage: npm run grade -- <lab-id> <submission.ts or folder>... [--out <dir>]');
  process.exit(2);
}

try {
  const files = findSubmissions(paths);
  if (files.length === 0) throw new Error(`no .ts submissions in ${paths.join(', ')}`);
  const outDir = resolve(values.out ?? join('grading-results', labId));
  console.error(runnerAnnouncement());
  console.error(`Grading ${files.length} submission(s) of ${labId} (a cluster starts first) ...`);
  const report = await gradeSubmissions(labId, files, {
    onProgress: (index, total, graded) => {
      const failed = graded.checks.filter((check) => !check.passed).map((check) => check.id);
      const status = graded.compileProblems ? 'does not compile' : failed.length === 0 ? 'all checks pass' : `failed: ${failed.join(', ')}`;
      console.error(`[${index + 1}/${total}] ${graded.name}: ${graded.score}/${graded.maxScore} points, ${status} (${graded.seconds.toFixed(1)} s)`);
    },
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'junit.xml'), toJUnit(report));
  writeFileSync(join(outDir, 'summary.md'), toMarkdown(report));
  writeFileSync(join(outDir, 'summary.html'), toHtml(report));
  console.error(`Results in ${outDir}: results.json, junit.xml, summary.md, summary.html`);
  process.exit(0); // kafkajs leaves timers behind; the work is done
} catch (error) {
  console.error(`Grading failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
