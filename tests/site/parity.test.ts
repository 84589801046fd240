import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { resolveCoursePaths } from '../../src/course/paths.ts';
import { checkCourse, formatProblem } from '../../src/integrations/parity/check-course.ts';
import { withoutKnowledgeCheck } from './helpers/fixture-edits.ts';

const goodFixture = new URL('fixtures/good/', import.meta.url).pathname;
const scratch: string[] = [];

/** The parity problems of a fixture tree, as "file:line: message" lines. */
function problemsIn(root: string): string[] {
	return checkCourse(resolveCoursePaths(root, {}), root).map(formatProblem);
}

/** A copy of the good fixture with one file changed by `edit` (or removed when `edit` returns undefined). */
function brokenFixture(file: string, edit: (source: string) => string | undefined): string {
	const root = mkdtempSync(join(tmpdir(), 'parity-'));
	scratch.push(root);
	cpSync(goodFixture, root, { recursive: true });
	const path = join(root, file);
	const edited = edit(readFileSync(path, 'utf8'));
	if (edited === undefined) rmSync(path);
	else writeFileSync(path, edited);
	return root;
}

const firstStepsEn = 'content/lessons/en/basics/first-steps.mdx';
const firstStepsKo = 'content/lessons/ko/basics/first-steps.mdx';

describe('the parity check', () => {
	after(() => scratch.forEach((root) => rmSync(root, { recursive: true, force: true })));

	test('passes a consistent course', () => {
		assert.deepEqual(problemsIn(goodFixture), []);
	});

	test('says how to write the defaults of a pinned Kafka version that has none', () => {
		const problems = checkCourse(resolveCoursePaths(goodFixture, { KAFKA_VERSION: '4.3.9' }), goodFixture).map(formatProblem);
		assert.deepEqual(problems, [
			'content/facts/kafka-4.3.9.json:1: no defaults for Kafka 4.3.9, the version the course runs (KAFKA_VERSION): write them from a live broker with `KAFKA_VERSION=4.3.9 npm run facts`',
		]);
	});

	test('names a lesson whose twin is missing', () => {
		const root = brokenFixture(firstStepsEn, () => undefined);
		assert.deepEqual(problemsIn(root), [
			'content/course.yaml:7: lesson "basics/first-steps" is listed but content/lessons/en/basics/first-steps.mdx does not exist',
			`${firstStepsKo}:1: has no en twin (expected ${firstStepsEn})`,
		]);
	});

	test('names the file and line of an unknown lab id', () => {
		const root = brokenFixture(firstStepsEn, (source) => source.replace('<Lab id="keyed-producer" />', '<Lab id="nope" />'));
		const problems = problemsIn(root);
		const line = readFileSync(join(root, firstStepsEn), 'utf8').split('\n').findIndex((text) => text.includes('id="nope"')) + 1;
		assert.ok(problems.includes(`${firstStepsEn}:${line}: unknown lab id "nope" (no labs/nope/meta.json)`), problems.join('\n'));
		// The twins no longer embed the same labs either.
		assert.ok(problems.some((problem) => problem.startsWith(`${firstStepsEn}:${line}: labs and exercises differ from the ko twin`)), problems.join('\n'));
	});

	test('names a heading that does not match its twin', () => {
		const root = brokenFixture(firstStepsEn, (source) => source.replace('### On the command line {#on-the-command-line}', '## On the command line {#command-line}'));
		const lineIn = (file: string, text: string) => readFileSync(join(root, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
		const enLine = lineIn(firstStepsEn, '{#command-line}');
		const koLine = lineIn(firstStepsKo, '{#on-the-command-line}');
		assert.deepEqual(problemsIn(root), [
			`${firstStepsEn}:${enLine}: headings differ from the ko twin: found ## {#command-line} where ${firstStepsKo}:${koLine} has ### {#on-the-command-line}`,
		]);
	});

	test('names invalid frontmatter and its line', () => {
		const root = brokenFixture(firstStepsKo, (source) => source.replace('sources: ["001"]', 'sources: [1]'));
		assert.deepEqual(problemsIn(root), [`${firstStepsKo}:4: invalid frontmatter sources.0: Invalid input: expected string, received number`]);
	});

	test('names missing frontmatter fields', () => {
		const root = brokenFixture(firstStepsKo, (source) => source.replace(/^description: .*\n/m, ''));
		assert.deepEqual(problemsIn(root), [`${firstStepsKo}:1: invalid frontmatter description: Invalid input: expected string, received undefined`]);
	});

	test('names unknown glossary terms and Kafka defaults', () => {
		const root = brokenFixture(firstStepsEn, (source) =>
			source.replace('<Term id="offset" />', '<Term id="offsett" />').replace('name="linger.ms"', 'name="linger.mss"'),
		);
		const lines = readFileSync(join(root, firstStepsEn), 'utf8').split('\n');
		const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
		assert.deepEqual(problemsIn(root), [
			`${firstStepsEn}:${lineOf('"offsett"')}: unknown glossary term "offsett" (no content/glossary/offsett.yaml)`,
			`${firstStepsEn}:${lineOf('"linger.mss"')}: unknown producer config "linger.mss" in kafka-4.4.0.json`,
		]);
	});

	test('requires explicit ids on ## and ### headings', () => {
		const root = brokenFixture(firstStepsKo, (source) => source.replace(' {#partitions-and-offsets}', ''));
		const line = readFileSync(join(root, firstStepsKo), 'utf8').split('\n').indexOf('## 파티션과 오프셋') + 1;
		const problems = problemsIn(root);
		assert.ok(problems.includes(`${firstStepsKo}:${line}: heading "파티션과 오프셋" needs an explicit id, e.g. {#some-id}`), problems.join('\n'));
	});

	test('names a missing diagram and a diagram without alt text', () => {
		const root = brokenFixture(firstStepsEn, (source) => source.replace('](./diagrams/topic.svg)', '](./diagrams/nope.svg)\n\n![](./diagrams/topic.svg)'));
		const line = readFileSync(join(root, firstStepsEn), 'utf8').split('\n').findIndex((text) => text.includes('nope.svg')) + 1;
		assert.deepEqual(problemsIn(root), [
			`${firstStepsEn}:${line}: image ./diagrams/nope.svg does not exist`,
			`${firstStepsEn}:${line + 2}: image ./diagrams/topic.svg needs alt text`,
		]);
	});

	test('rejects bold that would show its asterisks', () => {
		const root = brokenFixture(firstStepsKo, (source) => `${source}\n**\`acks\`**는 쓰기 확인 시점을, **\`linger.ms\`는** 대기 시간을 정한다.\n`);
		const line = readFileSync(join(root, firstStepsKo), 'utf8').split('\n').length - 1;
		assert.deepEqual(problemsIn(root), [
			`${firstStepsKo}:${line}: **\`acks\`** shows its asterisks: a closing ** after punctuation must not touch a letter; put the particle inside (e.g. **\`acks\`는**) or use <strong>`,
		]);
	});

	test('names a lesson without its knowledge check, and the twin it no longer matches', () => {
		const root = brokenFixture(firstStepsEn, withoutKnowledgeCheck);
		const lines = readFileSync(join(root, firstStepsEn), 'utf8').split('\n');
		const lastLine = lines.length;
		const headingLine = lines.findIndex((line) => line.includes('{#summary}')) + 1;
		assert.deepEqual(problemsIn(root).sort(), [
			`${firstStepsEn}:1: invalid frontmatter knowledgeCheck: every lesson ends with a knowledge check: add 3 to 5 questions (content/README.md)`,
			`${firstStepsEn}:1: knowledge-check questions differ from the ko twin: missing an item where ${firstStepsKo}:9 has a multiple choice question with 2 choices, choice 2 right`,
			`${firstStepsEn}:${headingLine}: headings differ from the ko twin: missing an item where ${firstStepsKo}:73 has ## {#knowledge-check}`,
			`${firstStepsEn}:${lastLine}: the lesson has no knowledge check: put <KnowledgeCheck /> after its summary (content/README.md)`,
		]);
	});

	test('names a lesson without its summary', () => {
		const root = brokenFixture(firstStepsKo, (source) => source.replace(/^## 정리 \{#summary\}\n\n.*\n\n/m, ''));
		const lines = readFileSync(join(root, firstStepsKo), 'utf8').split('\n');
		const problems = problemsIn(root);
		assert.ok(problems.includes(`${firstStepsKo}:${lines.length}: the lesson has no summary: end it with a "## ... {#summary}" section (content/README.md)`), problems.join('\n'));
		assert.ok(problems.some((problem) => problem.startsWith(`${firstStepsEn}:69: headings differ from the ko twin: found ## {#summary}`)), problems.join('\n'));
	});

	test('names twins whose questions differ in their right answer', () => {
		const root = brokenFixture(firstStepsEn, (source) =>
			source
				.replace('      - answer: In a different partition each time\n', '      - answer: In a different partition each time\n        correct: true\n')
				.replace('      - answer: Always in the same partition\n        correct: true\n', '      - answer: Always in the same partition\n'),
		);
		assert.deepEqual(problemsIn(root), [
			`${firstStepsEn}:9: knowledge-check questions differ from the ko twin: found a multiple choice question with 2 choices, choice 1 right where ${firstStepsKo}:9 has a multiple choice question with 2 choices, choice 2 right`,
		]);
	});

	test('names a question without exactly one right answer', () => {
		const root = brokenFixture(firstStepsKo, (source) => source.replace('        correct: true\n', ''));
		const problems = problemsIn(root);
		assert.deepEqual(problems, [`${firstStepsKo}:11: invalid frontmatter knowledgeCheck.0.choices: exactly one choice has correct: true`]);
	});

	test('names an unknown lesson or section in a LessonLink', () => {
		const root = brokenFixture(firstStepsEn, (source) => source.replace('<LessonLink id="plain-lesson" />', '<LessonLink id="plain-lessons" />'));
		const koPath = join(root, firstStepsKo);
		writeFileSync(koPath, readFileSync(koPath, 'utf8').replace('<LessonLink id="plain-lesson" />', '<LessonLink id="plain-lesson" section="nope" />'));
		assert.deepEqual(problemsIn(root), [
			`${firstStepsEn}:71: <LessonLink id="plain-lessons">: no lesson "plain-lessons" in content/course.yaml`,
			`${firstStepsKo}:71: <LessonLink id="plain-lesson" section="nope">: content/lessons/ko/basics/plain-lesson.mdx has no heading {#nope}`,
		]);
	});

	test('names "lesson 6" and the study notes in prose, but not a laptop or code', () => {
		const root = brokenFixture(firstStepsKo, (source) => `${source}\n6번째 레슨과 스터디 노트를 보자. 노트북 한 대면 충분하다. \`note 002\`\n`);
		const enPath = join(root, firstStepsEn);
		writeFileSync(enPath, `${readFileSync(enPath, 'utf8')}\nAs lesson 7 shows, note 002 is wrong.\n`);
		const lastLine = (file: string) => readFileSync(join(root, file), 'utf8').split('\n').length - 1;
		const notes = 'learners never see the study notes; state the fact, or a common misconception as an aside (content/README.md)';
		const lessonNumber = 'refer to a lesson with <LessonLink id="..." />, which survives reordering';
		assert.deepEqual(problemsIn(root), [
			`${firstStepsEn}:${lastLine(firstStepsEn)}: "lesson 7": ${lessonNumber}`,
			`${firstStepsEn}:${lastLine(firstStepsEn)}: "note 002": ${notes}`,
			`${firstStepsKo}:${lastLine(firstStepsKo)}: "6번째 레슨": ${lessonNumber}`,
			`${firstStepsKo}:${lastLine(firstStepsKo)}: "스터디 노트": ${notes}`,
		]);
	});

	test('names a lesson id listed in two modules', () => {
		const root = brokenFixture('content/course.yaml', (source) => `${source}  - id: more\n    title:\n      ko: 더 보기\n      en: More\n    lessons:\n      - plain-lesson\n`);
		const line = readFileSync(join(root, 'content/course.yaml'), 'utf8').split('\n').lastIndexOf('      - plain-lesson') + 1;
		const problems = problemsIn(root);
		assert.ok(problems.includes(`content/course.yaml:${line}: lesson id "plain-lesson" is listed twice; lesson ids are unique across modules`), problems.join('\n'));
	});

	test('ignores components and headings inside code blocks', () => {
		const root = brokenFixture(firstStepsKo, (source) => `${source}\n\`\`\`mdx\n## Example {#example}\n<Lab id="nope" />\n\`\`\`\n`);
		assert.deepEqual(problemsIn(root), []);
	});
});
