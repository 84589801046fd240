import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/chromium.ts';
import { watchForProblems } from '../helpers/page-problems.ts';
import { lessonSlugs, readOutline } from '../../src/course/outline.ts';
import { resolveCoursePaths } from '../../src/course/paths.ts';
import { scanLesson } from '../../src/integrations/parity/lesson-scan.ts';
import { buildSite, repoRoot } from './helpers/build-site.ts';
import { serveBuiltSite, type ServedSite } from './helpers/served-site.ts';

// Builds the real site (or COURSE_CONTENT_DIR's content) once and drives it in Debian's chromium.
// Lesson text is still being written, so the test picks its lesson and words from the content itself.

const paths = resolveCoursePaths(repoRoot);
const screenshots = join(repoRoot, 'test-artifacts/screenshots');
const slowMachine = { timeout: 10 * 60_000 };

interface LessonUnderTest {
	slug: string;
	koTitle: string;
	enTitle: string;
	/** The first section's explicit id, shared by both twins. */
	sectionId: string;
}

function pickLesson(): LessonUnderTest {
	const slugs = lessonSlugs(readOutline(paths.courseFile));
	const read = (locale: string, slug: string) => readFileSync(join(paths.lessonsDir, locale, `${slug}.mdx`), 'utf8');
	// Prefer a lesson with a fenced code block, to see Shiki's output.
	const slug = slugs.find((candidate) => /^```\w+/m.test(read('ko', candidate))) ?? slugs[0];
	assert.ok(slug, 'course.yaml lists no lessons');
	const ko = scanLesson(read('ko', slug));
	const en = scanLesson(read('en', slug));
	const title = (scan: typeof ko) => String((scan.frontmatter.data as { title: unknown }).title);
	const sectionId = ko.headings.find((heading) => heading.id)?.id;
	assert.ok(sectionId, `${slug} has no heading with an explicit id`);
	return { slug, koTitle: title(ko), enTitle: title(en), sectionId };
}

describe('the built course site', slowMachine, () => {
	const lesson = pickLesson();
	let site: ServedSite;
	const problemsByPage = new Map<Page, string[]>();

	before(async () => {
		site = await serveBuiltSite(process.env['COURSE_CONTENT_DIR']);
		mkdirSync(screenshots, { recursive: true });
	}, slowMachine);
	after(() => site?.close());

	/** A fresh page that records console errors and uncaught exceptions. */
	async function visit(path: string): Promise<Page> {
		const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
		const problems: string[] = [];
		problemsByPage.set(page, problems);
		watchForProblems(page, problems);
		page.setDefaultTimeout(60_000);
		await openPage(page, site.origin + path);
		return page;
	}

	async function closeWithoutErrors(page: Page): Promise<void> {
		const problems = problemsByPage.get(page) ?? [];
		await page.close();
		assert.deepEqual(problems, [], `errors on ${page.url()}`);
	}

	test('the root sends learners to the Korean home page', slowMachine, async () => {
		const page = await visit('/');
		await page.waitForURL(/\/ko\/$/);
		assert.equal(await page.getAttribute('html', 'lang'), 'ko');
		await page.screenshot({ path: join(screenshots, 'home-ko.png'), fullPage: true });
		await closeWithoutErrors(page);
	});

	test('the language picker keeps the lesson and the section', slowMachine, async () => {
		const page = await visit(`/ko/${lesson.slug}/#${lesson.sectionId}`);
		assert.equal(await page.getAttribute('html', 'lang'), 'ko');
		assert.equal(await page.locator('h1').first().textContent(), lesson.koTitle);
		await page.screenshot({ path: join(screenshots, 'lesson-ko.png') });

		await page.locator('header starlight-lang-select select').selectOption({ label: 'English' });
		await page.waitForURL(`**/en/${lesson.slug}/**`);
		assert.equal(await page.getAttribute('html', 'lang'), 'en');
		assert.equal(new URL(page.url()).hash, `#${lesson.sectionId}`);
		assert.equal(await page.locator('h1').first().textContent(), lesson.enTitle);
		await page.screenshot({ path: join(screenshots, 'lesson-en.png') });
		await closeWithoutErrors(page);
	});

	test('code blocks are highlighted by Shiki at build time', slowMachine, async () => {
		const page = await visit(`/ko/${lesson.slug}/`);
		const codeBlocks = page.locator('.expressive-code pre');
		assert.ok((await codeBlocks.count()) > 0, 'the lesson has no highlighted code block');
		// Expressive Code writes each token's light and dark colors as inline custom properties.
		assert.ok((await page.locator('.expressive-code pre span[style*="--0:"]').count()) > 0, 'no colored tokens');
		await codeBlocks.first().scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(screenshots, 'code-ko.png') });
		await closeWithoutErrors(page);
	});

	for (const locale of ['ko', 'en'] as const) {
		test(`search finds the lesson in ${locale}`, slowMachine, async () => {
			const page = await visit(`/${locale}/`);
			const title = locale === 'ko' ? lesson.koTitle : lesson.enTitle;
			await page.locator('header button[data-open-modal]').click();
			await page.locator('#starlight__search .pagefind-ui__search-input').fill(title);
			const hit = page.locator(`#starlight__search a[href*="/${locale}/${lesson.slug}/"]`).first();
			await hit.waitFor();
			await page.screenshot({ path: join(screenshots, `search-${locale}.png`) });
			await closeWithoutErrors(page);
		});
	}

	test('a learner can mark a lesson done and see it in the outline', slowMachine, async () => {
		const page = await visit(`/en/${lesson.slug}/`);
		const toggle = page.locator('button[data-lesson-done]');
		const outlineLink = page.locator(`nav a[href="/en/${lesson.slug}/"]`).first();
		assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
		await toggle.click();
		assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
		assert.equal(await outlineLink.getAttribute('data-done'), '');
		// Progress is per lesson, not per language: the Korean twin shows it too.
		await openPage(page, `${site.origin}/ko/${lesson.slug}/`);
		assert.equal(await page.locator('button[data-lesson-done]').getAttribute('aria-pressed'), 'true');
		assert.equal(await page.locator(`nav a[href="/ko/${lesson.slug}/"]`).first().getAttribute('data-done'), '');
		await page.screenshot({ path: join(screenshots, 'progress-ko.png') });
		await closeWithoutErrors(page);
	});

	test('the progress page shows each lesson done or not, its knowledge check, and each hands-on part\'s best result', slowMachine, async () => {
		const page = await visit(`/en/${lesson.slug}/`);
		await page.locator('button[data-lesson-done]').click();
		// A lab's best result, as its widget records it after a check (labs run against clusters in tests/server).
		await page.evaluate(() => localStorage.setItem('kafka-course:hands-on-results', JSON.stringify({ 'kafka-topics': { passed: 2, total: 3 } })));
		await openPage(page, `${site.origin}/en/progress/`);
		const row = page.locator(`tr[data-lesson="${lesson.slug}"]`);
		assert.equal(await row.locator('[data-part="done"]').textContent(), '✓ done');
		assert.match((await row.locator('[data-part="answered"]').textContent()) ?? '', /^0 of [3-5] answered$/);
		const topics = page.locator('li[data-hands-on="kafka-topics"] [data-part="best"]');
		assert.equal(await topics.textContent(), 'best: 2 of 3 checks passed');
		assert.equal(await page.locator('li[data-hands-on="dump-log"] [data-part="best"]').textContent(), 'not checked yet');
		await openPage(page, `${site.origin}/ko/progress/`);
		assert.equal(await page.locator(`tr[data-lesson="${lesson.slug}"] [data-part="done"]`).textContent(), '✓ 완료');
		assert.equal(await page.locator('li[data-hands-on="kafka-topics"] [data-part="best"]').textContent(), '최고 기록: 검사 3개 중 2개 통과');
		await page.screenshot({ path: join(screenshots, 'progress-page-ko.png'), fullPage: true });
		await closeWithoutErrors(page);
	});

	test('the glossary exists in both languages', slowMachine, async () => {
		for (const locale of ['ko', 'en']) {
			const page = await visit(`/${locale}/glossary/`);
			assert.equal(await page.getAttribute('html', 'lang'), locale);
			await page.screenshot({ path: join(screenshots, `glossary-${locale}.png`), fullPage: true });
			await closeWithoutErrors(page);
		}
	});

	test('an unknown path answers with the not-found page, in both languages, linking both home pages', slowMachine, async () => {
		const response = await fetch(`${site.origin}/ko/no-such-lesson/`);
		assert.equal(response.status, 404);
		const body = await response.text();
		for (const text of ['페이지를 찾을 수 없습니다', 'Page not found', 'href="/ko/"', 'href="/en/"']) assert.ok(body.includes(text), text);
	});

	test('a lesson without its English twin fails the build and names the file', slowMachine, async () => {
		const brokenContent = mkdtempSync(join(tmpdir(), 'course-content-'));
		const brokenOut = mkdtempSync(join(tmpdir(), 'course-site-broken-'));
		try {
			cpSync(paths.contentDir, brokenContent, { recursive: true });
			rmSync(join(brokenContent, 'lessons/en', `${lesson.slug}.mdx`));
			const build = await buildSite({ outDir: brokenOut, contentDir: brokenContent });
			assert.notEqual(build.exitCode, 0, 'the build passed without an English twin');
			assert.match(build.output, new RegExp(`lessons/ko/${lesson.slug}\\.mdx:1: has no en twin`));
		} finally {
			rmSync(brokenContent, { recursive: true, force: true });
			rmSync(brokenOut, { recursive: true, force: true });
		}
	});
});
