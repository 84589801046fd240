/** The grading report as JUnit XML (for CI dashboards) and as a summary table in Markdown and HTML. */
import type { GradedSubmission, GradingReport } from './grade-submissions.ts';
import type { CheckResult } from '../checks/run-checks.ts';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function failureText(check: CheckResult): string {
  return [check.message?.en, check.expected !== undefined && `expected: ${check.expected}`, check.actual !== undefined && `actual: ${check.actual}`, `hint: ${check.hint.en}`]
    .filter(Boolean)
    .join('\n');
}

export function toJUnit(report: GradingReport): string {
  const suites = report.submissions.map((submission) => {
    const failures = submission.checks.filter((check) => !check.passed).length;
    const cases = submission.checks.map((check) => {
      const open = `    <testcase classname="${xml(`${report.lab}.${submission.name}`)}" name="${xml(`${check.id}: ${check.title.en}`)}" time="0">`;
      if (check.passed) return `${open}</testcase>`;
      return `${open}\n      <failure message="${xml(check.message?.en ?? 'failed')}">${xml(failureText(check))}</failure>\n    </testcase>`;
    });
    const attributes = `name="${xml(submission.name)}" tests="${submission.checks.length}" failures="${failures}" errors="0" time="${submission.seconds.toFixed(3)}"`;
    return `  <testsuite ${attributes}>\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(report.lab)}" timestamp="${report.gradedAt}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** The column headers: one per check, in the lab's order. */
function checkIds(report: GradingReport): string[] {
  return report.submissions[0]?.checks.map((check) => check.id) ?? [];
}

function outcome(submission: GradedSubmission): string {
  if (submission.compileProblems) return `does not compile (${submission.compileProblems[0]!.line}:${submission.compileProblems[0]!.column})`;
  const program = submission.program;
  return program ? `${program.ending}${program.exitCode === null ? '' : ` (${program.exitCode})`}` : 'not run';
}

export function toMarkdown(report: GradingReport): string {
  const ids = checkIds(report);
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = report.submissions.map((s) =>
    `| ${escape(s.name)} | ${s.score}/${s.maxScore} | ${escape(outcome(s))} | ${s.checks.map((c) => (c.passed ? '✅' : '❌')).join(' | ')} |`,
  );
  return [
    `# ${report.lab}: grading summary`,
    '',
    `Graded ${report.submissions.length} submission(s) at ${report.gradedAt}.`,
    '',
    `| submission | score | program | ${ids.join(' | ')} |`,
    `| --- | --- | --- | ${ids.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
  ].join('\n');
}

export function toHtml(report: GradingReport): string {
  const ids = checkIds(report);
  const cell = (check: CheckResult) =>
    `<td class="${check.passed ? 'pass' : 'fail'}" title="${xml(check.passed ? check.title.en : failureText(check))}">${check.passed ? '✅' : '❌'}</td>`;
  const rows = report.submissions.map((s) =>
    `<tr><th scope="row">${xml(s.name)}</th><td>${s.score}/${s.maxScore}</td><td>${xml(outcome(s))}</td>${s.checks.map(cell).join('')}</tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${xml(report.lab)}: grading summary</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}th,td{border:1px solid #8888;padding:.3rem .6rem;text-align:left}td.fail{background:#f002}td.pass{background:#0a02}</style>
</head><body>
<h1>${xml(report.lab)}: grading summary</h1>
<p>Graded ${report.submissions.length} submission(s) at ${xml(report.gradedAt)}. Hover a ✗ for the check's message.</p>
<table><thead><tr><th>submission</th><th>score</th><th>program</th>${ids.map((id) => `<th>${xml(id)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</body></html>
`;
}
