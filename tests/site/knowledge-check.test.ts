import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openPage } from '../helpers/chromium.ts';
import { buildSite, repoRoot } from './helpers/build-site.ts';
import { serveBuiltSite, type ServedSite } from './helpers/served-site.ts';
import { withoutKnowledgeCheck } from './helpers/fixture-edits.ts';

// The knowledge check at the end of a lesson, in a real Chromium on the fixture site: a wrong answer shows why it
// is wrong, the right one marks the question answered, a prediction reveals the answer and what to run, and the
// answers survive a reload and a change of language. Without JavaScript every reason is still on the page.

const goodContent = new URL('fixtures/good/content/', import.meta.url).pathname;
const screenshots = join(repoRoot, 'test-artifacts/screenshots');
const slowMachine = { timeout: 10 * 60_000 };
const lessonPath = (locale: 'ko' | 'en') => `/${locale}/basics/first-steps/`;

describe('the knowledge check', slowMachine, () => {
	let site: ServedSite;
	before(async () => {
		site = await serveBuiltSite(goodContent);
		mkdirSync(screenshots, { recursive: true });
	}, slowMachine);
	after(() => site?.close());

	/** A page in its own context (its own localStorage) that fails the test on any console error. */
	async function openLesson(context: BrowserContext, locale: 'ko' | 'en'): Promise<{ page: Page; errors: string[] }> {
		const page = await context.newPage();
		const errors: string[] = [];
		// Other tests on this machine create Docker networks; Chromium then drops requests in flight with
		// ERR_NETWORK_CHANGED. That is the host's doing, not the page's: every other console error counts.
		page.on('console', (message) => message.type() === 'error' && !message.text().includes('net::ERR_NETWORK_CHANGED') && errors.push(message.text()));
		page.on('pageerror', (error) => errors.push(error.message));
		page.setDefaultTimeout(60_000);
		await openPage(page, site.origin + lessonPath(locale));
		return { page, errors };
	}

	const question = (page: Page, index: number): Locator => page.locator(`fieldset[data-question="${index}"]`);
	const feedback = (page: Page, index: number) => question(page, index).locator('[data-part="feedback"]');

	/** Picks a choice with the keyboard, the way a learner without a mouse would, then presses the answer button. */
	async function answerWithKeyboard(page: Page, index: number, choice: string): Promise<void> {
		await question(page, index).getByLabel(choice).focus();
		await page.keyboard.press('Space');
		await question(page, index).locator('[data-part="answer"]').focus();
		await page.keyboard.press('Enter');
	}

	test('explains a wrong answer, marks the right one answered, keeps answers across a reload and a language change, and finishes the lesson', slowMachine, async () => {
		const context = await site.browser.newContext({ viewport: { width: 1100, height: 1400 } });
		try {
			const { page, errors } = await openLesson(context, 'ko');
			const first = question(page, 0);
			assert.equal(await first.locator('legend').innerText().then((text) => text.includes('같은 키를 가진 메시지는')), true);
			// With JavaScript the reasons come one at a time, so the list of all reasons is hidden.
			assert.equal(await first.locator('[data-part="reasons"]').isVisible(), false);
			assert.equal(await page.locator('[data-part="progress"]').innerText(), '3문제 중 0문제를 풀었습니다.');

			await first.locator('[data-part="answer"]').click();
			assert.equal(await feedback(page, 0).innerText(), '먼저 답을 하나 고르세요.');

			await answerWithKeyboard(page, 0, '매번 다른 파티션');
			assert.equal(await feedback(page, 0).getAttribute('data-result'), 'wrong');
			assert.match(await feedback(page, 0).innerText(), /^아닙니다\. 다른 답을 골라 보세요\.\n+키의 해시가 파티션을 정하므로 같은 키는 흩어지지 않습니다\.$/);
			assert.equal(await first.getAttribute('data-answered'), null, 'a wrong answer does not count');
			assert.equal(await first.getByLabel('항상 같은 파티션').isEnabled(), true, 'the learner can try again');

			await answerWithKeyboard(page, 0, '항상 같은 파티션');
			assert.equal(await feedback(page, 0).getAttribute('data-result'), 'right');
			assert.match(await feedback(page, 0).innerText(), /^정답입니다\.\n+파티션 수가 그대로인 한/);
			assert.equal(await first.getAttribute('data-answered'), '');
			assert.equal(await first.locator('[data-part="done"]').isVisible(), true);
			assert.equal(await first.locator('[data-part="answer"]').isVisible(), false);
			assert.equal(await page.locator('[data-part="progress"]').innerText(), '3문제 중 1문제를 풀었습니다.');

			// A prediction: the "run it" pointer stays hidden until the learner commits, then the answer and its reason show.
			const predict = question(page, 1);
			assert.equal(await predict.locator('[data-part="run"]').isVisible(), false);
			await predict.getByLabel('브로커 목록').check();
			await predict.locator('[data-part="answer"]').click();
			assert.equal(await feedback(page, 1).getAttribute('data-result'), 'wrong');
			assert.match(await feedback(page, 1).innerText(), /^실제 결과는 예측과 다릅니다\.\n+--list는 클러스터의 토픽 이름을/);
			assert.equal(await predict.locator('[data-part="run"]').isVisible(), true);
			assert.equal(await predict.locator('[data-part="run"] a').getAttribute('href'), '#partitions-and-offsets');
			assert.equal(await predict.getAttribute('data-answered'), '', 'a committed prediction counts as answered');
			await page.locator('section.knowledge-check').screenshot({ path: join(screenshots, 'knowledge-check-ko.png') });

			await openPage(page);
			assert.equal(await question(page, 0).getAttribute('data-answered'), '');
			assert.equal(await question(page, 0).getByLabel('항상 같은 파티션').isChecked(), true);
			assert.equal(await question(page, 1).getAttribute('data-answered'), '');
			assert.equal(await question(page, 2).getAttribute('data-answered'), null);
			assert.equal(await page.locator('[data-part="progress"]').innerText(), '3문제 중 2문제를 풀었습니다.');
			assert.equal(await page.locator('button[data-lesson-done]').getAttribute('aria-pressed'), 'false', 'not done before the last answer');

			// Twins share their questions' order, so the English page shows the same progress, in English.
			await openPage(page, site.origin + lessonPath('en'));
			assert.equal(await page.locator('[data-part="progress"]').innerText(), '2 of 3 questions answered.');
			assert.match(await feedback(page, 0).innerText(), /As long as the partition count stays/);
			await answerWithKeyboard(page, 2, 'A message\'s position within its partition');
			assert.match(await feedback(page, 2).innerText(), /^Correct\.\n+Offsets number a partition's messages from 0\.$/);
			assert.equal(await page.locator('[data-part="progress"]').innerText(), 'All 3 questions answered.');
			// The last answer finishes the lesson: its done toggle is on, and the outline shows it.
			assert.equal(await page.locator('button[data-lesson-done]').getAttribute('aria-pressed'), 'true');
			assert.equal(await page.locator('nav a[href="/en/basics/first-steps/"]').first().getAttribute('data-done'), '');
			await page.locator('section.knowledge-check').screenshot({ path: join(screenshots, 'knowledge-check-en.png') });
			assert.deepEqual(errors, []);
		} finally {
			await context.close();
		}
	});

	test('shows every answer and reason without JavaScript', slowMachine, async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		try {
			const { page } = await openLesson(context, 'en');
			const reasons = question(page, 0).locator('[data-part="reasons"]');
			assert.equal(await question(page, 0).locator('[data-part="answer"]').isVisible(), false, 'no button that would do nothing');
			await reasons.locator('summary').click();
			assert.deepEqual(await reasons.locator('li').allInnerTexts(), [
				'✗ Wrong: In a different partition each time — The key\'s hash picks the partition, so one key never scatters.',
				'✓ Right: Always in the same partition — As long as the partition count stays, the key\'s hash always picks the same partition.',
			]);
			assert.equal(await question(page, 1).locator('[data-part="run"]').isVisible(), true, 'what to run is on the page');
		} finally {
			await context.close();
		}
	});

	test('a lesson whose twin has no knowledge check fails the build and names the file and line', slowMachine, async () => {
		const brokenContent = mkdtempSync(join(tmpdir(), 'course-content-checks-'));
		const brokenOut = mkdtempSync(join(tmpdir(), 'course-site-checks-broken-'));
		try {
			cpSync(goodContent, brokenContent, { recursive: true });
			const lesson = join(brokenContent, 'lessons/en/basics/first-steps.mdx');
			writeFileSync(lesson, withoutKnowledgeCheck(readFileSync(lesson, 'utf8')));
			const lastLine = readFileSync(lesson, 'utf8').split('\n').length;
			const build = await buildSite({ outDir: brokenOut, contentDir: brokenContent });
			assert.notEqual(build.exitCode, 0, 'the build passed without the English knowledge check');
			assert.match(build.output, new RegExp(`lessons/en/basics/first-steps\\.mdx:${lastLine}: the lesson has no knowledge check`));
			assert.match(build.output, /lessons\/en\/basics\/first-steps\.mdx:1: knowledge-check questions differ from the ko twin/);
		} finally {
			rmSync(brokenContent, { recursive: true, force: true });
			rmSync(brokenOut, { recursive: true, force: true });
		}
	});
});
