// The terminal's checks and resets count against the learner's rate limits: past them the page is told,
// in the learner's language, when to try again, and the shell goes on working.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ScriptedTerminal, startTerminalServer, type TerminalServer } from './terminal-harness.ts';

describe('terminal rate limits', () => {
  let server: TerminalServer;
  let terminal: ScriptedTerminal;
  before(async () => {
    server = await startTerminalServer({
      rateLimits: {
        check: { perToken: { points: 1, seconds: 600 }, perAddress: { points: 100, seconds: 600 } },
        reset: { perToken: { points: 1, seconds: 600 }, perAddress: { points: 100, seconds: 600 } },
      },
    });
    terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: await server.newToken(), lang: 'ko' });
  });
  after(async () => {
    await terminal?.close();
    await server?.close();
  });

  it('grades one check, then answers the next in Korean with the wait', async () => {
    terminal.send({ type: 'check', answers: {} });
    await terminal.control('checking');
    assert.ok((await terminal.control('results', 120_000)).results.length > 0);
    terminal.send({ type: 'check', answers: {} });
    const refused = await terminal.control('error');
    assert.match(refused.message, /확인을 너무 많이 눌렀습니다\. \d+초 뒤에 다시 확인하세요\./);
  });

  it('resets once, then refuses the next reset, and the shell keeps working', async () => {
    const from = terminal.text().length;
    terminal.send({ type: 'reset' });
    await terminal.control('resetting');
    await terminal.control('ready', 120_000);
    // The new shell's greeting and prompt may come before or after 'ready': wait for them.
    await terminal.waitForText(/실습 터미널[\s\S]*\$ $/, { from });
    terminal.send({ type: 'reset' });
    const refused = await terminal.control('error');
    assert.match(refused.message, /샌드박스를 너무 많이 초기화했습니다\. \d+초 뒤에/);
    assert.match(await terminal.run('echo "still=$((40+2))"'), /still=42/);
  });
});
