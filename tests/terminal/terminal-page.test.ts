// The terminal exercise in a real lesson page, in Debian's chromium, against the course server and a real
// cluster: start the shell, type (Hangul included) and read xterm's screen, reload and find the same shell.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from '../helpers/chromium.ts';
import { focusIsOn, tabTo } from '../helpers/keyboard.ts';
import { watchForProblems } from '../helpers/page-problems.ts';
import { buildSite, repoRoot } from '../site/helpers/build-site.ts';
import { startTerminalServer, type TerminalServer } from './terminal-harness.ts';

const screenshots = join(repoRoot, 'test-artifacts/screenshots');

describe('terminal exercise in a lesson page', () => {
  const siteDir = mkdtempSync(join(tmpdir(), 'terminal-page-site-'));
  let server: TerminalServer;
  let browser: Browser;
  let page: Page;
  let shellPid: string | undefined;

  before(async () => {
    const build = await buildSite({ outDir: siteDir });
    assert.equal(build.exitCode, 0, build.output);
    server = await startTerminalServer({ siteDir });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage(); // a fresh profile: no learner session yet
    page.setDefaultTimeout(90_000);
    watchForProblems(page, problems);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  /** Console errors (content-security-policy violations among them) and uncaught exceptions. */
  const problems: string[] = [];
  const exercise = () => page.locator('section.terminal-exercise[data-exercise-id="kafka-topics"]');

  /** Waits until xterm.js's rows (its DOM renderer) show the pattern, and returns the match's first group. */
  async function waitForScreen(pattern: RegExp): Promise<string | undefined> {
    const found = await page.waitForFunction(
      ([id, source]) => new RegExp(source).exec(document.querySelector(`section[data-exercise-id="${id}"] .xterm-rows`)?.textContent ?? '') ?? undefined,
      ['kafka-topics', pattern.source] as const,
    );
    return ((await found.jsonValue()) as string[])[1];
  }

  async function typeLine(text: string): Promise<void> {
    await exercise().locator('.xterm').click();
    for (const part of text.split(/([가-힣]+)/)) {
      // Hangul arrives as composed text, the way an input method delivers it; the rest as key presses.
      if (/^[가-힣]+$/.test(part)) await page.keyboard.insertText(part);
      else await page.keyboard.type(part);
    }
    await page.keyboard.press('Enter');
  }

  it('starts a shell on request, shows the bootstrap servers, and echoes typed Hangul', async () => {
    await openPage(page, `${server.url}en/foundations/brokers-and-replication/`);
    const connect = exercise().locator('[data-part="connect"]');
    assert.equal(await connect.innerText(), 'Start the terminal');
    await exercise().locator('.xterm-rows').waitFor({ state: 'attached' }); // the terminal is drawn before any cluster starts
    assert.equal(await connect.isEnabled(), true);
    await connect.click();
    await exercise().locator('[data-part="status"]', { hasText: 'Connected to kafka-1' }).waitFor();
    await waitForScreen(/BOOTSTRAP_SERVERS=kafka-1:9092/);

    await typeLine('echo "카프카 $((6*7)) $BOOTSTRAP_SERVERS"');
    // The command line holds `$((6*7))`: only the shell's output reads "42".
    await waitForScreen(/카프카 42 kafka-1:9092/);
    await typeLine('echo "pid=$$"');
    shellPid = await waitForScreen(/pid=(\d+)/);
    assert.ok(shellPid);
    mkdirSync(screenshots, { recursive: true });
    await exercise().screenshot({ path: join(screenshots, 'terminal-en.png') });
  });

  it('reconnects to the same shell, with its scrollback, after a reload', async () => {
    await openPage(page);
    await exercise().locator('[data-part="status"]', { hasText: 'Connected to kafka-1' }).waitFor();
    await waitForScreen(/카프카 42/);
    await typeLine('echo "again=$$"');
    assert.equal(await waitForScreen(/again=(\d+)/), shellPid, 'the same shell process');
  });

  it('takes a paste larger than one WebSocket frame without dropping the connection', async () => {
    let connections = 0;
    page.on('websocket', () => connections++);
    await exercise().locator('.xterm').click();
    await page.keyboard.insertText(`# ${'x'.repeat(100_000)}`); // a comment line: bash ignores it
    await page.keyboard.press('Enter');
    await typeLine('echo "after-paste=$$"');
    assert.equal(await waitForScreen(/after-paste=(\d+)/), shellPid);
    assert.equal(connections, 0, 'the page had to reconnect');
  });

  it('checks the cluster and shows each result in the page\'s language', async () => {
    await exercise().locator('[data-part="check"]').click();
    const results = exercise().locator('[data-part="results"] li');
    await results.first().waitFor();
    assert.ok((await results.count()) > 1);
    assert.match(await exercise().locator('[data-part="status"]').innerText(), /^0 of \d+ passed$/, 'nothing is done yet');
    assert.match(await results.first().innerText(), /^failed · /);
  });

  it('shows, after a pass, how the check verified it', async () => {
    await typeLine('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic welcome-topic');
    await waitForScreen(/Created topic welcome-topic\./);
    await exercise().locator('[data-part="check"]').click();
    const passed = exercise().locator('[data-part="results"] li.is-passed[data-check-id="welcome-topic-default"]');
    await passed.waitFor();
    assert.equal(
      await passed.locator('.terminal-exercise__verifies').innerText(),
      "How it was checked: Asked the broker for welcome-topic's metadata (a Metadata request): 1 partition, each with 1 replica.",
    );
    const failed = exercise().locator('[data-part="results"] li.is-failed');
    assert.equal(await failed.first().locator('.terminal-exercise__verifies').count(), 0, 'shown after a pass only');
  });

  it('shows the live cluster view beside the exercise, and a topic a command creates appears in it', async () => {
    const view = exercise().locator('details[data-cluster-view="exercise"]');
    assert.equal(await view.getAttribute('open'), '', 'open from the start');
    assert.equal(await view.locator('summary').innerText(), 'Your cluster, live');
    await view.scrollIntoViewIfNeeded(); // it reads the cluster only while on screen
    const brokers = view.locator('table[data-view-table="brokers"]');
    await brokers.locator('tr[data-key="1"]', { hasText: 'running' }).waitFor();
    assert.deepEqual(await brokers.locator('th[scope="col"]').allInnerTexts(), ['Node', 'State']);
    assert.equal(await brokers.locator('caption').innerText(), 'Brokers');
    await typeLine('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic live-view --partitions 2');
    await waitForScreen(/Created topic live-view\./);
    await view.scrollIntoViewIfNeeded(); // typing brought the terminal on screen; the view reads again once it is back
    const row = view.locator('table[data-view-table="topics"] tr[data-key="live-view/1"]');
    await row.waitFor({ timeout: 15_000 });
    assert.deepEqual(await row.locator('td').allInnerTexts(), ['live-view', '1', '1', '1', '1', '0', '0']);
    assert.match(await view.locator('[data-view-part="status"]').innerText(), /^Read at \d{2}:\d{2}:\d{2}/);
    await view.screenshot({ path: join(screenshots, 'cluster-view-en.png') });
  });

  it('is worked from the keyboard alone: hints, the shell (Tab completes there), a way out, and Check', async () => {
    const terminal = 'section[data-exercise-id="kafka-topics"] .xterm-helper-textarea';
    const hint = exercise().locator('li[data-step-id] details').first();
    await hint.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await hint.getAttribute('open'), '', 'Enter opens a hint');

    await tabTo(page, terminal);
    assert.match(await page.locator(terminal).getAttribute('aria-describedby') ?? '', /-terminal-keys$/);
    await page.keyboard.type('echo "keys=$((40+2))"');
    await page.keyboard.press('Enter');
    await waitForScreen(/keys=42/);
    await page.keyboard.press('Tab');
    assert.ok(await focusIsOn(page, terminal), 'Tab alone stays in the shell, for completion');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await focusIsOn(page, terminal), false, 'Esc, then Tab leaves the terminal');
    const after = await page.evaluate((selector) => {
      const textarea = document.querySelector(selector)!;
      return Boolean(textarea.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, terminal);
    assert.ok(after, 'forward, to what follows the terminal');

    await tabTo(page, terminal, { backwards: true });
    await page.keyboard.press('Escape');
    await tabTo(page, 'section[data-exercise-id="kafka-topics"] [data-part="check"]', { backwards: true, maxPresses: 3 });
    await exercise().locator('[data-part="results"]').evaluate((list) => list.replaceChildren()); // so that only this check's results count
    await page.keyboard.press('Enter');
    await exercise().locator('[data-part="results"] li').first().waitFor();
    assert.match(await exercise().locator('[data-part="status"]').innerText(), /^\d+ of \d+ passed$/);
  });

  it('met the content-security policy and logged no error, xterm.js and all', () => {
    assert.deepEqual(problems, []);
  });
});
