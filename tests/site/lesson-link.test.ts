import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSite } from './helpers/build-site.ts';

// <LessonLink id> links another lesson by its course.yaml id: the URL comes from the outline and the words from
// that lesson's title in the page's language, quoted as a title, so neither goes stale when lessons move.

const goodContent = new URL('fixtures/good/content/', import.meta.url).pathname;
const slowMachine = { timeout: 10 * 60_000 };

describe('a link to another lesson', slowMachine, () => {
	let outDir: string;

	before(async () => {
		outDir = mkdtempSync(join(tmpdir(), 'course-site-links-'));
		const build = await buildSite({ outDir, contentDir: goodContent });
		assert.equal(build.exitCode, 0, `astro build failed:\n${build.output}`);
	}, slowMachine);

	after(() => {
		if (outDir) rmSync(outDir, { recursive: true, force: true });
	});

	const page = (locale: string) => readFileSync(join(outDir, locale, 'basics/first-steps/index.html'), 'utf8');

	test('shows the target lesson title in Korean on a Korean page', () => {
		assert.ok(page('ko').includes('설정은 ‘<a class="lesson-link" href="/ko/basics/plain-lesson/">실습 없는 레슨</a>’에서 이어집니다.'));
	});

	test('shows the target lesson title in English on an English page', () => {
		assert.ok(page('en').includes('Settings continue in “<a class="lesson-link" href="/en/basics/plain-lesson/">A lesson without labs</a>”.'));
	});
});
