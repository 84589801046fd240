// The lab in a real lesson page, in Debian's chromium, against the course server and a real cluster:
// type, run with Ctrl+Enter, see output and check results, reload and find the code still there. Every
// page kind is served under the server's content-security policy, which nothing of the site violates
// and which stops what the policy forbids.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from '../helpers/chromium.ts';
import { focusIsOn, tabTo } from '../helpers/keyboard.ts';
import { watchForProblems } from '../helpers/page-problems.ts';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import { mountClusterView } from '../../sandbox/server/cluster-view-api.ts';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';
import { HostProcessRunner } from '../../sandbox/runner/host-process-runner.ts';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';
import { TerminalSessions } from '../../sandbox/terminal/terminal-sessions.ts';
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
    // As npm start mounts it; no terminal is started on these pages.
    mountClusterView(server, { learners: sessions, terminals: new TerminalSessions({ pool: new ClusterPool() }) });
    base = await server.listen();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage(); // a fresh profile, so localStorage starts empty
    watchForProblems(page, problems);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await sessions?.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  const lab = () => page.locator('section.lab[data-lab-id="keyed-producer"]');
  /** Console errors (CSP violations among them) and uncaught exceptions, on every page this test opens. */
  const problems: string[] = [];

  it('runs what was typed, streams the output and shows every check in the page\'s language', async () => {
    await openPage(page, `${base}en/foundations/serializers-and-partitioning/`);
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
    assert.match(await checks.first().locator('.lab__verified').innerText(), /^What was verified: Read every partition of orders back from the broker/);
    assert.match(await lab().locator('.lab__score').innerText(), /9 of 9 points/);
    assert.equal(await lab().locator('[data-part="solution"]').isDisabled(), false, 'the solution unlocks after a run');

    const view = lab().locator('details[data-cluster-view="lab"]');
    await view.scrollIntoViewIfNeeded(); // it reads the cluster only while on screen
    const orders = view.locator('table[data-view-table="topics"] tr[data-key^="orders/"]');
    await orders.nth(2).waitFor({ timeout: 15_000 });
    assert.equal(await orders.count(), 3, 'the lab\'s topic and its 3 partitions, read from the run\'s cluster');
  });

  it('keeps the code across a reload, and shows the solution beside it without replacing it', async () => {
    await openPage(page);
    await lab().locator('.cm-content').waitFor();
    assert.match(await lab().locator('.cm-content').innerText(), /typed in the browser/);
    await lab().locator('[data-part="solution"]').click();
    await lab().locator('[data-part="solution-pane"] .cm-content').waitFor();
    assert.match(await lab().locator('[data-part="solution-pane"] .cm-content').innerText(), /key: customer/);
    assert.match(await lab().locator('[data-part="editor"] .cm-content').innerText(), /typed in the browser/);
  });

  it('marks a compile error in the editor and shows failed checks with expected, actual and hint in Korean', async () => {
    await openPage(page, `${base}ko/foundations/serializers-and-partitioning/`);
    const editor = lab().locator('[data-part="editor"] .cm-content');
    await editor.waitFor();
    assert.match(await editor.innerText(), /typed in the browser/, 'the same lab keeps its code in either language');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('const broken = ;\n');
    await page.keyboard.press('ControlOrMeta+Enter');
    await lab().locator('.cm-lintRange-error').waitFor({ timeout: 30_000 });
    assert.match(await lab().locator('[data-part="status"]').innerText(), /컴파일 오류/);

    // The sandbox's own rules speak the page's language (the compiler's syntax errors are English only).
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText("const fs = require('node:fs');\n");
    await page.keyboard.press('ControlOrMeta+Enter');
    await lab().locator('[data-part="output"]').getByText(/require\(\)는 실습 프로그램에서 쓸 수 없습니다/).waitFor({ timeout: 30_000 });
    assert.match(await lab().locator('[data-part="output"]').innerText(), /^1:12 require\(\)는/);

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
    assert.equal(await failed.locator('.lab__verified').count(), 0, 'a failed check shows its hint, not how it is verified');
    assert.match(await lab().locator('.lab__check--passed .lab__verified').first().innerText(), /^검사한 내용: orders 토픽의 모든 파티션을/);
  });

  it('is worked from the keyboard alone: into the editor, a way out of it (Tab indents there), Run and the solution', async () => {
    await openPage(page, `${base}en/foundations/serializers-and-partitioning/`);
    const editor = 'section.lab[data-lab-id="keyed-producer"] [data-part="editor"] .cm-content';
    await lab().locator('.cm-content').waitFor();
    await lab().locator('[data-part="focus"]').focus();
    await tabTo(page, editor);
    assert.match(await page.locator(editor).getAttribute('aria-describedby') ?? '', /-editor-keys$/);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// typed from the keyboard');
    await page.keyboard.press('Tab');
    assert.ok(await focusIsOn(page, editor), 'Tab alone indents, in the editor');
    assert.match(await lab().locator('[data-part="editor"] .cm-content').innerText(), /typed from the keyboard/);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusIsOn(page, editor), false, 'Esc, then Shift+Tab leaves the editor');
    await tabTo(page, 'section.lab[data-lab-id="keyed-producer"] [data-part="run"]', { backwards: true, maxPresses: 4 });
    await page.keyboard.press('Enter');
    await lab().locator('.lab__score').waitFor({ timeout: 60_000 });
    await tabTo(page, 'section.lab[data-lab-id="keyed-producer"] [data-part="solution"]', { maxPresses: 3 });
    await page.keyboard.press('Enter');
    await lab().locator('[data-part="solution-pane"] .cm-content').waitFor();
  });

  it('served every page without a content-security-policy violation or a console error', () => {
    assert.deepEqual(problems, []);
  });

  it('serves every kind of page under a policy the site meets: home, lesson, glossary, 404, search', async () => {
    const others: string[] = [];
    const visitor = await browser.newPage();
    watchForProblems(visitor, others);
    for (const path of ['', 'ko/', 'en/foundations/what-is-kafka/', 'ko/glossary/', 'en/glossary/']) {
      const response = await openPage(visitor, base + path);
      assert.equal(response?.status(), 200, path);
      assert.match(String(response?.headers()['content-security-policy']), /frame-ancestors 'none'/);
      // The root page moves on to /ko/ by itself: let it arrive before the next visit, which it would race.
      if (path === '') await visitor.waitForURL(`${base}ko/`);
    }
    assert.equal((await openPage(visitor, `${base}en/no-such-page/`))?.status(), 404);
    // Pagefind's search: its WebAssembly index, loaded on demand.
    await openPage(visitor, `${base}en/foundations/what-is-kafka/`);
    await visitor.locator('header button[data-open-modal]').click();
    await visitor.locator('#starlight__search .pagefind-ui__search-input').fill('partition');
    await visitor.locator('#starlight__search a[href*="/en/"]').first().waitFor({ timeout: 30_000 });
    await visitor.close();
    const notFoundLoad = /Failed to load resource: the server responded with a status of 404 \(Not Found\) \(.*no-such-page/;
    assert.deepEqual(others.filter((problem) => !notFoundLoad.test(problem)), []);
  });

  it('stops what the policy forbids: injected inline script, other origins\' scripts and connections', async () => {
    const probe = await browser.newPage();
    const seen: string[] = [];
    watchForProblems(probe, seen);
    await openPage(probe, `${base}en/foundations/serializers-and-partitioning/`);
    const outcome = await probe.evaluate(async () => {
      const injected = document.createElement('script');
      injected.textContent = 'window.injectedRan = true';
      document.body.append(injected);
      const foreign = await new Promise<string>((resolve) => {
        const script = document.createElement('script');
        script.src = 'http://127.0.0.2:9/foreign.js';
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('blocked');
        document.body.append(script);
      });
      const connection = await fetch('http://127.0.0.2:9/').then(() => 'connected', () => 'blocked');
      return { injectedRan: 'injectedRan' in window, foreign, connection };
    });
    await probe.close();
    assert.deepEqual(outcome, { injectedRan: false, foreign: 'blocked', connection: 'blocked' });
    for (const violation of [/^Executing inline script violates/, /^Loading the script 'http:\/\/127\.0\.0\.2:9\/foreign\.js' violates/, /^Connecting to 'http:\/\/127\.0\.0\.2:9\/' violates/]) {
      assert.ok(seen.some((problem) => violation.test(problem)), `${violation} among:\n${seen.join('\n')}`);
    }
  });

  it('tells a learner the server is full, in the page\'s language, when no session can be had', async () => {
    const full = new CourseServer({ siteDir, port: 0 });
    const fullSessions = mountLabApi(full, new LearnerSessions({ runner: new HostProcessRunner(), limits: { maxSessions: 0 } }));
    try {
      const fullBase = await full.listen();
      const visitor = await (await browser.newContext()).newPage();
      await openPage(visitor, `${fullBase}ko/foundations/serializers-and-partitioning/`);
      const fullLab = visitor.locator('section.lab[data-lab-id="keyed-producer"]');
      await fullLab.locator('.cm-content').waitFor();
      await fullLab.locator('[data-part="run"]').click();
      await fullLab.locator('[data-part="status"]', { hasText: '학습자 수가 다 찼습니다' }).waitFor({ timeout: 30_000 });
      assert.match(await fullLab.locator('[data-part="status"]').innerText(), /^실행하지 못했습니다: 코스 서버가 받을 수 있는 학습자 수가 다 찼습니다/);
      await visitor.close();
    } finally {
      await full.close();
      await fullSessions.dispose();
    }
  });
});
