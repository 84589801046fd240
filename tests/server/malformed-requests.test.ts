// A real course server (the lab API and the terminal's WebSocket mounted) fed a corpus of malformed
// requests over raw TCP: broken URLs, odd methods, oversized, truncated and slow bodies, request smuggling,
// bad upgrades and frames, other hosts and origins. Each is answered (or the connection closed), the
// process lives on, and after every case a normal page and a new learner session still work.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import { HostProcessRunner } from '../../sandbox/runner/host-process-runner.ts';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';
import { mountTerminal } from '../../sandbox/terminal/mount-terminal.ts';
import type { TerminalSessions } from '../../sandbox/terminal/terminal-sessions.ts';

/** What to send: bytes, or a pause between them. */
type Part = string | Buffer | { pauseMs: number };

interface Case {
  name: string;
  send: (host: string, token: string) => Part[];
  /** What the server's answer (as latin1 text; '' when it only closed the connection) must match. */
  expect: RegExp;
  /** Half-close after sending, as a client that gives up would. */
  end?: boolean;
  /** The server must close the connection itself (a refused upgrade leaves nothing open). */
  closes?: boolean;
}

const REQUEST_TIMEOUT_MS = 1500;
const WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const upgrade = (path: string, host: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${WS_KEY}\r\n${extra}\r\n`;
/** A masked client frame header: FIN + opcode, then a 64-bit length. */
const frameHeader = (opcode: number, length: number) => {
  const header = Buffer.alloc(14);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header; // mask key: 4 zero bytes
};
const post = (path: string, host: string, headers: string, body: string) => `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${headers}\r\n${body}`;
/** A POST whose Content-Length is the body's. */
const postJson = (path: string, host: string, body: string) => post(path, host, `${json}Content-Length: ${Buffer.byteLength(body)}\r\n`, body);
const json = 'Content-Type: application/json\r\n';

const status = (codes: string) => new RegExp(`^HTTP/1\\.1 (${codes}) `);
const statusOrClosed = (codes: string) => new RegExp(`^(HTTP/1\\.1 (${codes}) |$)`);

const CASES: Case[] = [
  { name: 'GET // (crashed the old server)', send: (h) => [`GET // HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('200|403|404') },
  { name: 'GET /% (an unfinished escape)', send: (h) => [`GET /% HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|404') },
  { name: 'GET /%00', send: (h) => [`GET /%00 HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|403|404') },
  { name: 'GET /api/% and a broken query', send: (h) => [`GET /api/labs/solution?lab=%zz&token=%&%%% HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|404') },
  { name: 'dot segments out of the site', send: (h) => [`GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|403|404') },
  { name: 'absolute-form target of another host', send: (h) => [`GET http://evil.example/ HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|403|404|421') },
  { name: 'authority-form CONNECT', send: () => ['CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'], expect: statusOrClosed('400|404|405|421') },
  { name: 'TRACE', send: (h) => [`TRACE / HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('404|405') },
  { name: 'an unknown method', send: (h) => [`BREW / HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: statusOrClosed('400|404|405|501') },
  { name: 'a lone CR inside a header (injection)', send: (h) => [`GET / HTTP/1.1\r\nHost: ${h}\r\nX-Test: a\rSet-Cookie: b\r\n\r\n`], expect: statusOrClosed('400') },
  { name: 'a header name with a space', send: (h) => [`GET / HTTP/1.1\r\nHost: ${h}\r\nBad Header: x\r\n\r\n`], expect: statusOrClosed('400') },
  { name: 'oversized header', send: (h) => [`GET / HTTP/1.1\r\nHost: ${h}\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`], expect: statusOrClosed('431|400') },
  { name: 'oversized URL', send: (h) => [`GET /${'a'.repeat(64 * 1024)} HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: statusOrClosed('431|414|400') },
  { name: 'two thousand headers', send: (h) => [`GET / HTTP/1.1\r\nHost: ${h}\r\n${'X-A: b\r\n'.repeat(2000)}\r\n`], expect: statusOrClosed('431|400|200') },
  { name: 'duplicate Content-Length', send: (h) => [post('/api/labs/session', h, `${json}Content-Length: 2\r\nContent-Length: 3\r\n`, '{}')], expect: statusOrClosed('400') },
  { name: 'Content-Length and chunked together (smuggling)', send: (h) => [post('/api/labs/session', h, `${json}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n`, '0\r\n\r\nGET /x HTTP/1.1\r\n\r\n')], expect: statusOrClosed('400') },
  { name: 'chunked with a size that is not hex', send: (h) => [post('/api/labs/run', h, `${json}Transfer-Encoding: chunked\r\n`, 'zz\r\n{}\r\n0\r\n\r\n')], expect: statusOrClosed('400') },
  { name: 'chunked with a size past 2^64', send: (h) => [post('/api/labs/run', h, `${json}Transfer-Encoding: chunked\r\n`, 'fffffffffffffffffff\r\n{}\r\n0\r\n\r\n')], expect: statusOrClosed('400|413') },
  { name: 'a body over the limit', send: (h) => [post('/api/labs/run', h, `${json}Content-Length: ${400 * 1024}\r\n`, `{"source":"${'x'.repeat(400 * 1024 - 13)}"}`)], expect: statusOrClosed('413') },
  { name: 'a chunked body over the limit', send: (h) => [post('/api/labs/run', h, `${json}Transfer-Encoding: chunked\r\n`, `${(400 * 1024).toString(16)}\r\n${'x'.repeat(400 * 1024)}\r\n0\r\n\r\n`)], expect: statusOrClosed('413') },
  { name: 'a truncated body, then the client gives up', send: (h) => [post('/api/labs/run', h, `${json}Content-Length: 100\r\n`, '{"token":')], end: true, expect: statusOrClosed('400|408') },
  { name: 'a body slower than the request timeout', send: (h) => [post('/api/labs/run', h, `${json}Content-Length: 100\r\n`, '{'), ...Array.from({ length: 6 }, () => [{ pauseMs: 500 }, ' ']).flat()], expect: status('408'), closes: true },
  { name: 'headers that never end', send: (h) => [`GET / HTTP/1.1\r\nHost: ${h}\r\n`, ...Array.from({ length: 6 }, () => [{ pauseMs: 500 }, 'X-Slow: y\r\n']).flat()], expect: status('408'), closes: true },
  { name: 'JSON that does not parse', send: (h) => [postJson('/api/labs/run', h, '{"token":')], expect: status('400') },
  { name: 'JSON of the wrong shape', send: (h) => [postJson('/api/labs/run', h, '{"token":[1],"labId":{},"source":null}')], expect: status('400') },
  { name: 'JSON with __proto__', send: (h) => [postJson('/api/labs/run', h, '{"__proto__":{"x":1},"token":"a","labId":"b","source":""}')], expect: status('400') },
  { name: 'a body that is not JSON', send: (h) => [post('/api/labs/run', h, 'Content-Type: text/plain\r\nContent-Length: 2\r\n', '{}')], expect: status('400|415') },
  { name: 'a body of an unknown type', send: (h) => [post('/api/labs/run', h, 'Content-Type: application/x-kafka\r\nContent-Length: 2\r\n', '{}')], expect: status('415') },
  { name: 'a query of arrays', send: (h, t) => [`GET /api/labs/solution?lab=a&lab=b&token=${t} HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|404') },
  { name: 'a Host of another name', send: () => ['GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n'], expect: status('421') },
  { name: 'no Host at all (HTTP/1.1)', send: () => ['GET / HTTP/1.1\r\n\r\n'], expect: statusOrClosed('400') },
  { name: 'no Host at all (HTTP/1.0)', send: () => ['GET / HTTP/1.0\r\n\r\n'], expect: status('400|421') },
  { name: 'an Origin of another site', send: (h) => [post('/api/labs/session', h, 'Origin: http://evil.example\r\nContent-Length: 0\r\n', '')], expect: status('403') },
  { name: 'TLS spoken to plain HTTP', send: () => [Buffer.from('160301020001000100', 'hex')], expect: statusOrClosed('400') },
  { name: 'a good request pipelined behind a broken one', send: (h) => [`GET /% HTTP/1.1\r\nHost: ${h}\r\n\r\nGET / HTTP/1.1\r\nHost: ${h}\r\n\r\n`], expect: status('400|404') },
  { name: 'an upgrade to //', send: (h) => [upgrade('//', h)], expect: statusOrClosed('400|404'), closes: true },
  { name: 'an upgrade to /%', send: (h) => [upgrade('/%', h)], expect: statusOrClosed('400|404'), closes: true },
  { name: 'an upgrade to an unknown path', send: (h) => [upgrade('/nowhere', h)], expect: statusOrClosed('404'), closes: true },
  { name: 'an upgrade to a page', send: (h) => [upgrade('/', h)], expect: statusOrClosed('404'), closes: true },
  { name: 'an upgrade without a key', send: (h, t) => [`GET /test/echo?token=${t} HTTP/1.1\r\nHost: ${h}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`], expect: statusOrClosed('400'), closes: true },
  { name: 'an upgrade of an unknown version', send: (h) => [upgrade('/test/echo', h).replace('Version: 13', 'Version: 7')], expect: statusOrClosed('400|426'), closes: true },
  { name: 'an upgrade to the terminal without a token', send: (h) => [upgrade('/api/terminal?exercise=kafka-topics', h)], expect: status('401'), closes: true },
  { name: 'an upgrade to the terminal for an unknown exercise', send: (h, t) => [upgrade(`/api/terminal?exercise=nope&token=${t}`, h)], expect: status('404'), closes: true },
  { name: 'an upgrade to the terminal from another site', send: (h, t) => [upgrade(`/api/terminal?exercise=kafka-topics&token=${t}`, h, 'Origin: http://evil.example\r\n')], expect: status('403'), closes: true },
  { name: 'an upgrade to the terminal for another Host', send: (_h, t) => [upgrade(`/api/terminal?exercise=kafka-topics&token=${t}`, 'evil.example')], expect: status('421'), closes: true },
  { name: 'an upgrade with a query of arrays', send: (h, t) => [upgrade(`/api/terminal?exercise=a&exercise=b&token=${t}`, h)], expect: status('400'), closes: true },
  { name: 'a WebSocket frame over the limit', send: (h) => [upgrade('/test/echo', h), { pauseMs: 200 }, frameHeader(0x2, 1024 * 1024)], expect: /^HTTP\/1\.1 101 [\s\S]*\x88\x02\x03\xf1/ },
  { name: 'a WebSocket frame with an unknown opcode', send: (h) => [upgrade('/test/echo', h), { pauseMs: 200 }, Buffer.from([0x83, 0x80, 0, 0, 0, 0])], expect: /^HTTP\/1\.1 101 [\s\S]*\x88\x02\x03\xea/ },
  { name: 'an unmasked WebSocket frame', send: (h) => [upgrade('/test/echo', h), { pauseMs: 200 }, Buffer.from([0x81, 0x02, 0x68, 0x69])], expect: /^HTTP\/1\.1 101 [\s\S]*\x88\x02\x03\xea/ },
  { name: 'a WebSocket connection cut mid-frame', send: (h) => [upgrade('/test/echo', h), { pauseMs: 200 }, Buffer.from([0x82, 0xfe, 0x10])], end: true, expect: /^HTTP\/1\.1 101 / },
];

/** Sends the parts over one connection; what came back, once the server closed it or went quiet for 2 s. */
function exchange(port: number, parts: Part[], end: boolean): Promise<{ answer: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let quiet: NodeJS.Timeout | undefined;
    let closedByServer = false;
    socket.on('end', () => (closedByServer = true));
    const finish = () => {
      clearTimeout(quiet);
      socket.destroy();
      resolve({ answer: Buffer.concat(received).toString('latin1'), closedByServer });
    };
    const waitForQuiet = () => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, 2000);
    };
    socket.on('data', (chunk) => {
      received.push(chunk);
      waitForQuiet();
    });
    socket.on('close', finish);
    socket.on('error', () => undefined); // a reset by the server is an answer too
    socket.once('connect', async () => {
      for (const part of parts) {
        if (typeof part === 'object' && 'pauseMs' in part) await new Promise((r) => setTimeout(r, part.pauseMs));
        else if (!socket.destroyed) socket.write(part);
      }
      if (end && !socket.destroyed) socket.end();
      waitForQuiet();
    });
  });
}

describe('the course server fed malformed requests', { timeout: 300_000 }, () => {
  const siteDir = mkdtempSync(join(tmpdir(), 'malformed-site-'));
  writeFileSync(join(siteDir, 'index.html'), '<h1>course</h1>');
  writeFileSync(join(siteDir, '404.html'), 'not here');
  const attemptsDir = mkdtempSync(join(tmpdir(), 'malformed-attempts-'));
  const server = new CourseServer({
    siteDir,
    port: 0,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    // A session after every case: the default allowance per address is for browsers, not this test.
    rateLimits: { session: { perAddress: { points: 1000, seconds: 600 } } },
  });
  const pool = new ClusterPool();
  const learners = mountLabApi(server, new LearnerSessions({ runner: new HostProcessRunner(), pool }));
  const terminals: TerminalSessions = mountTerminal(server, { pool, attemptsDir, verifyToken: learners.learnerId });
  // A WebSocket route beside the terminal's, with the server's own WebSocket limits, to feed frames to
  // without starting a cluster.
  server.addRoutes((app) => app.get('/test/echo', { websocket: true }, (socket) => {
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  }));
  let port = 0;
  let host = '';

  before(async () => {
    const url = new URL(await server.listen());
    port = Number(url.port);
    host = url.host;
  });
  after(async () => {
    await server.close();
    await terminals.dispose();
    await learners.dispose();
    rmSync(siteDir, { recursive: true, force: true });
    rmSync(attemptsDir, { recursive: true, force: true });
  });

  async function newSession(): Promise<string> {
    const response = await fetch(`http://${host}/api/labs/session`, { method: 'POST' });
    assert.equal(response.status, 200);
    return ((await response.json()) as { token: string }).token;
  }

  for (const testCase of CASES) {
    it(`answers ${testCase.name}, and keeps serving`, async () => {
      const { answer, closedByServer } = await exchange(port, testCase.send(host, await newSession()), testCase.end ?? false);
      assert.match(answer, testCase.expect, `answer: ${JSON.stringify(answer.slice(0, 300))}`);
      if (testCase.closes) assert.ok(closedByServer, 'the server left the connection open');
      const page = await fetch(`http://${host}/`);
      assert.equal(page.status, 200);
      assert.equal(await page.text(), '<h1>course</h1>');
      assert.match(await newSession(), /^[\w-]{24}$/);
    });
  }
});
