import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/chromium.ts';
import { resolveCoursePaths } from '../../src/course/paths.ts';
import { repoRoot } from './helpers/build-site.ts';
import { serveBuiltSite, type ServedSite } from './helpers/served-site.ts';

// <KafkaDefault show="assignment"> renders a default the way a config file writes it, `acks=all`, as one code
// span. Written as `acks=`<KafkaDefault .../> instead, the page shows two code spans that read "acks= all".

const goodContent = new URL('fixtures/good/content/', import.meta.url).pathname;
const slowMachine = { timeout: 10 * 60_000 };

describe('a Kafka default shown inside a config assignment', slowMachine, () => {
	let site: ServedSite;
	before(async () => {
		site = await serveBuiltSite(goodContent);
	}, slowMachine);
	after(() => site?.close());

	/** Every code span on the page that shows a Kafka default: its text, and the code span right before it, if any. */
	async function renderedDefaults(page: Page): Promise<Array<{ config: string; text: string; codeBefore: string | null }>> {
		return page.locator('code.kafka-default').evaluateAll((spans) =>
			spans.map((span) => {
				const before = span.previousSibling;
				return {
					config: span.getAttribute('data-kafka-config') ?? '',
					text: span.textContent ?? '',
					codeBefore: before instanceof Element && before.tagName === 'CODE' ? before.textContent : null,
				};
			}),
		);
	}

	for (const locale of ['ko', 'en'] as const) {
		test(`reads as one code span in ${locale}`, slowMachine, async () => {
			const page = await site.browser.newPage();
			try {
				await openPage(page, `${site.origin}/${locale}/basics/first-steps/`);
				const defaults = await renderedDefaults(page);
				assert.deepEqual(
					defaults.find((shown) => shown.config === 'producer:acks'),
					{ config: 'producer:acks', text: 'acks=all', codeBefore: null },
					'acks=all is one code span, with no `acks=` span before it',
				);
				// The plain form still shows the value alone.
				assert.equal(defaults.find((shown) => shown.config === 'producer:linger.ms')?.text, '5');
			} finally {
				await page.close();
			}
		});
	}
});

describe('the lessons', () => {
	// A code span ending in "=" (`acks=`) or followed by " = " right before a <KafkaDefault>: the two-span form.
	const twoSpanForm = /(?:=`|`\s*=)\s*<KafkaDefault\b/;

	test('show every default inside an assignment as one code span', () => {
		const { lessonsDir } = resolveCoursePaths(repoRoot);
		const found: string[] = [];
		for (const file of readdirSync(lessonsDir, { recursive: true }) as string[]) {
			if (!file.endsWith('.mdx')) continue;
			readFileSync(join(lessonsDir, file), 'utf8').split('\n').forEach((line, index) => {
				if (twoSpanForm.test(line)) found.push(`content/lessons/${file}:${index + 1}`);
			});
		}
		assert.deepEqual(found, [], 'use <KafkaDefault ... show="assignment" /> for these');
	});
});
