// The lab in a real lesson page, in Debian's chromium, against the course server and a real cluster:
// type, run with Ctrl+Enter, see output and check results, reload and find the code still there.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import type { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';
import { buildSite } from '../site/helpers/build-site.ts';

describe('lab in a lesson page', () => {
  const siteDir = mkdtempSync(join(tmpdir(), 'lab-page-site-'));
  let server: CourseServer;
  let sessions: LearnerSessions;
  let browser: Browser;
  let page: Page;
  let base: string;

  before(async () => {
    const build = await buildSite({ outDir: siteDir });
    assert.equal(build.exitCode, 0, build.output);
    server = new CourseServer({ siteDir, port: 0 });
    sessions = mountLabApi(server);
    base = await server.listen();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage(); // a fresh profile, so localStorage starts empty
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await sessions?.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  const lab = () => page.locator('section.lab[data-lab-id="keyed-producer"]');

  it('runs what was typed, streams the output and shows every check in the page\'s language', async () => {
    await page.goto(`${base}en/foundations/serializers-and-partitioning/`);
    const editor = lab().locator('.cm-content');
    await editor.waitFor();
    assert.equal(await lab().locator('[data-part="solution"]').isDisabled(), true, 'no solution before a first attempt');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText((await loadLab('keyed-producer')).solution);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// typed in the browser\n');
    await page.keyboard.press('ControlOrMeta+Enter');

    await lab().locator('.lab__score').waitFor({ timeout: 60_000 });
    assert.match(await lab().locator('[data-part="output"]').innerText(), /alice:1 → partition \d, offset \d/);
    const checks = lab().locator('.lab__check');
    assert.equal(await checks.count(), 4, 'the visible checks, not the hidden one');
    assert.equal(await lab().locator('.lab__check--passed').count(), 4, await lab().locator('[data-part="checks"]').innerText());
    assert.match(await checks.first().innerText(), /All 20 orders are in the topic/);
    assert.match(await lab().locator('.lab__score').innerText(), /9 of 9 points/);
    assert.equal(await lab().locator('[data-part="solution"]').isDisabled(), false, 'the solution unlocks after a run');
  });

  it('keeps the code across a reload, and shows the solution beside it without replacing it', async () => {
    await page.reload();
    await lab().locator('.cm-content').waitFor();
    assert.match(await lab().locator('.cm-content').innerText(), /typed in the browser/);
    await lab().locator('[data-part="solution"]').click();
    await lab().locator('[data-part="solution-pane"] .cm-content').waitFor();
    assert.match(await lab().locator('[data-part="solution-pane"] .cm-content').innerText(), /key: customer/);
    assert.match(await lab().locator('[data-part="editor"] .cm-content').innerText(), /typed in the browser/);
  });

  it('marks a compile error in the editor and shows failed checks with expected, actual and hint in Korean', async () => {
    await page.goto(`${base}ko/foundations/serializers-and-partitioning/`);
    const editor = lab().locator('[data-part="editor"] .cm-content');
    await editor.waitFor();
    assert.match(await editor.innerText(), /typed in the browser/, 'the same lab keeps its code in either language');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('const broken = ;\n');
    await page.keyboard.press('ControlOrMeta+Enter');
    await lab().locator('.cm-lintRange-error').waitFor({ timeout: 30_000 });
    assert.match(await lab().locator('[data-part="status"]').innerText(), /컴파일 오류/);

    page.once('dialog', (dialog) => void dialog.accept()); // "replace your code with the starter?"
    await lab().locator('[data-part="reset"]').click();
    assert.match(await editor.innerText(), /TODO: give the message a key/);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await lab().locator('.lab__score').waitFor({ timeout: 60_000 });
    const failed = lab().locator('.lab__check--failed').first();
    assert.match(await failed.innerText(), /실패/);
    assert.match(await failed.locator('.lab__expected').innerText(), /^기대: /);
    assert.match(await failed.locator('.lab__actual').innerText(), /^실제: /);
    assert.match(await failed.locator('.lab__hint').innerText(), /^힌트: /);
  });
});
