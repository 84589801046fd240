/**
 * The grading report as JUnit XML (for CI dashboards) and as a summary in Markdown and HTML: a table of
 * scores, then per submission each check with what it verified and how, its evidence (expected and
 * found) and a flag where the program's output claims what the cluster refutes.
 */
import type { GradedSubmission, GradingReport } from './grade-submissions.ts';
import type { CheckResult } from '../checks/run-checks.ts';
import type { Localized } from '../lab-kit/lab-format.ts';

/** Text escaped for XML and HTML, attributes included. */
export const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const CONTRADICTION_FLAG = 'output contradicts the cluster';

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

const both = (text: Localized) => `${text.en} / ${text.ko}`;

/** A check's evidence as lines of plain text: what it verified, what it expected and found, and why it failed. */
function evidenceLines(check: CheckResult): string[] {
  return [
    `verified: ${both(check.verifies)}`,
    check.expected !== undefined && `expected: ${check.expected}`,
    check.actual !== undefined && `found: ${check.actual}`,
    check.message && `${check.passed ? 'note' : 'failed'}: ${both(check.message)}`,
    check.contradiction && `⚠ ${CONTRADICTION_FLAG}: ${both(check.contradiction)}`,
  ].filter((line): line is string => typeof line === 'string');
}

export function toMarkdown(report: GradingReport): string {
  const ids = checkIds(report);
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = report.submissions.map((s) =>
    `| ${escape(s.name)} | ${s.score}/${s.maxScore} | ${escape(outcome(s))} | ${s.contradictions.length > 0 ? `⚠ ${CONTRADICTION_FLAG}` : ''} | ${s.checks.map((c) => (c.passed ? '✅' : '❌')).join(' | ')} |`,
  );
  const details = report.submissions.flatMap((s) => [
    `## ${s.name}: ${s.score}/${s.maxScore}, ${outcome(s)}`,
    '',
    ...s.checks.flatMap((c) => [`- ${c.passed ? '✅' : '❌'} **${c.id}** (${c.earned}/${c.points}): ${c.title.en}`, ...evidenceLines(c).map((line) => `  - ${escape(line)}`)]),
    '',
  ]);
  return [
    `# ${report.lab}: grading summary`,
    '',
    `Graded ${report.submissions.length} submission(s) at ${report.gradedAt}. Every check reads the cluster; what a program printed is shown as evidence, never taken as proof.`,
    '',
    `| submission | score | program | flags | ${ids.join(' | ')} |`,
    `| --- | --- | --- | --- | ${ids.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    ...details,
  ].join('\n');
}

export function toHtml(report: GradingReport): string {
  const ids = checkIds(report);
  const cell = (check: CheckResult) =>
    `<td class="${check.passed ? 'pass' : 'fail'}" title="${xml(check.passed ? check.title.en : failureText(check))}">${check.passed ? '✅' : '❌'}</td>`;
  const flag = (s: GradedSubmission) => (s.contradictions.length > 0 ? `<td class="flag">⚠ ${CONTRADICTION_FLAG}</td>` : '<td></td>');
  const rows = report.submissions.map((s) =>
    `<tr><th scope="row"><a href="#${xml(anchor(s.name))}">${xml(s.name)}</a></th><td>${s.score}/${s.maxScore}</td><td>${xml(outcome(s))}</td>${flag(s)}${s.checks.map(cell).join('')}</tr>`,
  );
  const checkItem = (c: CheckResult) =>
    `<li class="${c.passed ? 'pass' : 'fail'}"><strong>${c.passed ? '✅' : '❌'} ${xml(c.id)}</strong> (${c.earned}/${c.points}) ${xml(c.title.en)}<ul>${evidenceLines(c).map((line) => `<li${line.startsWith('⚠') ? ' class="flag"' : ''}>${xml(line)}</li>`).join('')}</ul></li>`;
  const sections = report.submissions.map((s) =>
    `<section id="${xml(anchor(s.name))}"><h2>${xml(s.name)}: ${s.score}/${s.maxScore}, ${xml(outcome(s))}</h2>
${s.contradictions.length > 0 ? `<p class="flag">⚠ ${CONTRADICTION_FLAG}: ${s.contradictions.map((c) => xml(c.en)).join('; ')}</p>` : ''}
<ol class="checks">${s.checks.map(checkItem).join('\n')}</ol>
${s.output ? `<details><summary>What the program printed (evidence, not proof)</summary><pre>${xml(s.output)}</pre></details>` : ''}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${xml(report.lab)}: grading summary</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}th,td{border:1px solid #8888;padding:.3rem .6rem;text-align:left}td.fail{background:#f002}td.pass{background:#0a02}.flag{background:#fa04;font-weight:600}ol.checks>li{margin:.4rem 0}pre{white-space:pre-wrap;max-height:20rem;overflow:auto;background:#8881;padding:.5rem}</style>
</head><body>
<h1>${xml(report.lab)}: grading summary</h1>
<p>Graded ${report.submissions.length} submission(s) at ${xml(report.gradedAt)}. Every check reads the cluster; what a program printed is shown as evidence, never taken as proof. Hover a ✗ for the check's message; each submission's section below lists every check's evidence.</p>
<table><thead><tr><th>submission</th><th>score</th><th>program</th><th>flags</th>${ids.map((id) => `<th>${xml(id)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${sections.join('\n')}
</body></html>
`;
}

function anchor(name: string): string {
  return `submission-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
