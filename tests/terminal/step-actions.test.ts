// A step's action (stop the active controller, start stopped nodes) is something the sandbox does to a
// learner's cluster on the page's request: the request names only a step of the exercise, the action is
// the exercise's data, it acts on the cluster of the asking learner's own shell, and it counts against a
// rate limit like a reset.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ScriptedTerminal, startTerminalServer, type TerminalServer } from './terminal-harness.ts';

describe('terminal step actions', () => {
  let server: TerminalServer;
  let terminal: ScriptedTerminal;
  before(async () => {
    server = await startTerminalServer({ rateLimits: { action: { perToken: { points: 2, seconds: 600 }, perAddress: { points: 100, seconds: 600 } } } });
    terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: await server.newToken(), lang: 'ko' });
  });
  after(async () => {
    await terminal?.close();
    await server?.close();
  });

  it('refuses a step that has no action, or that the exercise does not have, then limits how often, in the learner\'s language', async () => {
    terminal.send({ type: 'action', step: 'create-and-list' });
    assert.match((await terminal.control('error')).message, /"create-and-list" 단계에는 클러스터에 할 조작이 없습니다/);
    // Another exercise's step names nothing here: the action is looked up in this shell's exercise only.
    terminal.send({ type: 'action', step: 'failover' });
    assert.match((await terminal.control('error')).message, /"failover" 단계에는 클러스터에 할 조작이 없습니다/);
    terminal.send({ type: 'action', step: 'failover' });
    assert.match((await terminal.control('error')).message, /클러스터에 대한 조작을 너무 많이 요청했습니다\. \d+초 뒤에/);
    terminal.send({ type: 'action', step: { kind: 'stop-active-controller' } });
    assert.match((await terminal.control('error')).message, /형식이 잘못된 메시지입니다/);
    assert.match(await terminal.run('echo "still=$((40+2))"'), /still=42/);
  });
});
