/**
 * Every kind of page a learner meets, checked in Chromium with axe-core (WCAG 2.x A and AA rules): no
 * serious or critical violation, in the light and the dark theme. The kinds: home, lesson, lesson with a
 * code lab, lesson with a terminal exercise, glossary, progress, not found; in both languages where they differ.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import { openPage } from '../helpers/chromium.ts';
import { serveBuiltSite, type ServedSite } from './helpers/served-site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const slowMachine = { timeout: 10 * 60_000 };

/**
 * Findings judged and accepted, each with its reason. Starlight's search button is named "검색"/"Search",
 * its visible label; the other visible text in it is the keyboard-shortcut hint (Ctrl K), not label text.
 */
const ACCEPTED: ReadonlyArray<{ rule: string; target: string }> = [{ rule: 'label-content-name-mismatch', target: 'button[data-open-modal=""]' }];

const PAGES = [
  ['home', '/ko/'],
  ['home', '/en/'],
  ['lesson', '/ko/foundations/what-is-kafka/'],
  ['lesson with a code lab and terminal exercises', '/en/foundations/producers-and-consumers/'],
  ['lesson with a code lab and terminal exercises', '/ko/foundations/producers-and-consumers/'],
  ['lesson with a terminal exercise', '/en/foundations/broker-configuration/'],
  ['glossary', '/ko/glossary/'],
  ['progress', '/en/progress/'],
  ['glossary', '/en/glossary/'],
  ['not found', '/en/no-such-page/'],
] as const;

describe('accessibility (axe-core)', slowMachine, () => {
  let site: ServedSite;
  before(async () => {
    site = await serveBuiltSite(process.env['COURSE_CONTENT_DIR']);
  }, slowMachine);
  after(() => site?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on any kind of page, ${colorScheme} theme`, slowMachine, async () => {
      // The course's content-security policy forbids injected scripts, axe's included: it is not under test here.
      const context = await site.browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 900 } });
      const found: string[] = [];
      try {
        for (const [kind, path] of PAGES) {
          const page = await context.newPage();
          await openPage(page, site.origin + path);
          // Expressive Code makes a code block that scrolls sideways focusable once it has measured it.
          await page.waitForFunction(() =>
            [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
          );
          await page.evaluate(axeSource);
          const results = (await page.evaluate(() =>
            (globalThis as unknown as { axe: { run: (options: object) => Promise<unknown> } }).axe.run({
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              resultTypes: ['violations'],
            }),
          )) as AxeResults;
          for (const violation of results.violations) {
            if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
            const nodes = violation.nodes.filter((node) => !ACCEPTED.some((a) => a.rule === violation.id && node.target.join(' ') === a.target));
            if (nodes.length === 0) continue;
            const targets = nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ');
            found.push(`${kind} ${path}: ${violation.id} (${violation.impact}) ${violation.help}: ${nodes.length}× e.g. ${targets}`);
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(found, []);
    });
  }
});
