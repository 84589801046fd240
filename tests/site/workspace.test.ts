/**
 * The workspace of a hands-on part, in Chromium on the built site: focus mode widens a terminal exercise
 * to the window with its steps beside the terminal, the terminal refits to its wider pane, the divider
 * moves from the keyboard, Esc leaves (but not from inside the terminal); on a small screen the panes stack; a code lab gets the same.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/chromium.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { serveBuiltSite, type ServedSite } from './helpers/served-site.ts';

const slowMachine = { timeout: 10 * 60_000 };
const TERMINAL_PAGE = '/en/foundations/broker-configuration/';
const LAB_PAGE = '/ko/foundations/producers-and-consumers/';

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  assert.ok(found, `${selector} is laid out`);
  return found;
}

describe('a hands-on part\'s workspace', slowMachine, () => {
  let site: ServedSite;
  before(async () => {
    site = await serveBuiltSite(process.env['COURSE_CONTENT_DIR']);
  }, slowMachine);
  after(() => site?.close());

  async function visit(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await site.browser.newPage({ viewport });
    await openPage(page, site.origin + path);
    return page;
  }

  it('widens a terminal exercise to the window, steps beside the terminal, which refits; the divider moves; Esc leaves', slowMachine, async () => {
    const page = await visit(TERMINAL_PAGE, { width: 1280, height: 900 });
    const exercise = 'section.terminal-exercise';
    const focus = page.locator(`${exercise} [data-part="focus"]`).first();
    await page.locator(`${exercise} .xterm-screen`).first().waitFor();
    const narrowTerminal = (await box(page, `${exercise} .xterm-screen`)).width;

    await focus.click();
    assert.equal(await focus.getAttribute('aria-pressed'), 'true');
    assert.equal(await focus.textContent(), 'Leave focus mode (Esc)');
    const frame = await box(page, exercise);
    assert.deepEqual([frame.x, frame.y, frame.height], [0, 0, 900], 'the exercise covers the window');
    assert.ok(frame.width >= 1260, `the exercise is ${frame.width}px wide`);
    const onTop = await page.evaluate((selector) => {
      const section = document.querySelector(selector)!;
      return [[20, 20], [640, 450], [1250, 120]].map(([x, y]) => section.contains(document.elementFromPoint(x!, y!)));
    }, exercise);
    assert.deepEqual(onTop, [true, true, true], 'nothing of the page (header, sidebars) covers it');
    const guide = await box(page, `${exercise} .hands-on__pane--guide`);
    const work = await box(page, `${exercise} .hands-on__pane--work`);
    assert.ok(guide.x + guide.width <= work.x, 'the steps sit left of the terminal');
    assert.ok(await page.locator(`${exercise} .hands-on__pane--guide ol.terminal-exercise__steps`).first().isVisible(), 'the steps are in the left pane');
    await waitFor('the terminal to refit to its pane', async () => {
      const wide = (await box(page, `${exercise} .xterm-screen`)).width;
      return wide > narrowTerminal + 100 ? wide : undefined;
    }, 10_000);

    const divider = page.locator(`${exercise} [data-part="divider"]`).first();
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await divider.getAttribute('aria-valuenow'), '50');
    const widerGuide = await box(page, `${exercise} .hands-on__pane--guide`);
    assert.ok(widerGuide.width > guide.width + 50, `the steps' pane grew from ${guide.width} to ${widerGuide.width}px`);

    // Esc in the terminal is the shell's (and starts "Esc, then Tab" out of it); elsewhere it leaves focus mode.
    await page.locator(`${exercise} .xterm-helper-textarea`).first().focus();
    await page.keyboard.press('Escape');
    assert.equal(await focus.getAttribute('aria-pressed'), 'true', 'Esc in the terminal keeps focus mode');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea')), false, 'Esc, then Tab moved out of the terminal');
    await page.keyboard.press('Escape');
    assert.equal(await focus.getAttribute('aria-pressed'), 'false');
    assert.notEqual((await box(page, exercise)).y, 0, 'back in the lesson\'s column');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-part')), 'focus', 'the keyboard is back on the button');
    await page.close();
  });

  it('stacks the panes in focus mode on a small screen', slowMachine, async () => {
    const page = await visit(TERMINAL_PAGE, { width: 420, height: 800 });
    const exercise = 'section.terminal-exercise';
    await page.locator(`${exercise} [data-part="focus"]`).first().click();
    const guide = await box(page, `${exercise} .hands-on__pane--guide`);
    const work = await box(page, `${exercise} .hands-on__pane--work`);
    assert.ok(guide.y + guide.height <= work.y, 'the steps come before the terminal');
    assert.ok(work.width >= 360, `the terminal's pane is ${work.width}px wide`);
    await page.close();
  });

  it('puts a code lab\'s editor beside its output in focus mode, in Korean', slowMachine, async () => {
    const page = await visit(LAB_PAGE, { width: 1280, height: 900 });
    const lab = 'section.lab';
    const focus = page.locator(`${lab} [data-part="focus"]`).first();
    assert.equal(await focus.textContent(), '넓게 보기');
    await focus.click();
    const guide = await box(page, `${lab} .hands-on__pane--guide`);
    const work = await box(page, `${lab} .hands-on__pane--work`);
    assert.ok(guide.x + guide.width <= work.x, 'the editor sits left of the output');
    assert.ok(await page.locator(`${lab} .hands-on__pane--guide [data-part="run"]`).first().isVisible(), 'Run is with the editor');
    await page.close();
  });
});
