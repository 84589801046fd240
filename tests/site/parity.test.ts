import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { resolveCoursePaths } from '../../src/course/paths.ts';
import { checkCourse, formatProblem } from '../../src/integrations/parity/check-course.ts';

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
			`${firstStepsEn}:${lineOf('"linger.mss"')}: unknown producer config "linger.mss" in content/facts`,
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

	test('ignores components and headings inside code blocks', () => {
		const root = brokenFixture(firstStepsKo, (source) => `${source}\n\`\`\`mdx\n## Example {#example}\n<Lab id="nope" />\n\`\`\`\n`);
		assert.deepEqual(problemsIn(root), []);
	});
});
