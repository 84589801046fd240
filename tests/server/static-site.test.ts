// The course server's own behaviour on a small site: static files, the 404 page, features that fail,
// the Host and Origin it answers to, and the security headers every answer carries.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { parsePublicOrigins } from '../../sandbox/server/allowed-origins.ts';
import { inlineScriptHashes } from '../../sandbox/server/content-security-policy.ts';

describe('the course server', () => {
  const site = mkdtempSync(join(tmpdir(), 'course-site-'));
  mkdirSync(join(site, 'ko', 'lesson'), { recursive: true });
  const themeScript = 'document.documentElement.dataset.theme = "dark";';
  writeFileSync(join(site, 'ko', 'lesson', 'index.html'), `<h1>레슨</h1><script>${themeScript}</script><script type="module" src="/app.js"></script>`);
  writeFileSync(join(site, 'app.js'), 'console.log(1)');
  writeFileSync(join(site, '404.html'), 'not here');
  const outside = mkdtempSync(join(tmpdir(), 'outside-the-site-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');

  const server = new CourseServer({ siteDir: site, port: 0, publicOrigins: ['http://kafka-course.lan:4321'] });
  server.addRoutes((app) => {
    app.get('/api/health', async () => ({ ok: true }));
    app.get('/api-broken/x', () => {
      throw new Error('a feature failed');
    });
  });
  let base = '';
  let port = 0;
  before(async () => {
    base = await server.listen();
    port = Number(new URL(base).port);
  });
  after(async () => {
    await server.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => new Promise<Answer>((resolve, reject) => {
    // A raw request, so that the path and the headers reach the server as sent.
    request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject).end();
  });

  it('binds to loopback by default', () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves pages, assets and directory indexes with their types', async () => {
    const page = await get('/ko/lesson/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8$/i);
    assert.match(page.body, /<h1>레슨<\/h1>/);
    assert.equal((await get('/ko/lesson')).status, 200, 'a directory without its slash');
    assert.match(String((await get('/app.js')).headers['content-type']), /javascript/);
  });

  it('answers unknown paths, and paths out of the site, with the 404 page', async () => {
    const missing = await get('/nope');
    assert.deepEqual([missing.status, missing.body], [404, 'not here']);
    for (const path of ['/../outside-the-site/secret.txt', `/..%2f${outside.split('/').pop()}%2fsecret.txt`, '/%2e%2e/%2e%2e/etc/passwd']) {
      const escape = await get(path);
      assert.ok([400, 403, 404].includes(escape.status), `${path}: ${escape.status}`);
      assert.doesNotMatch(escape.body, /secret|root:/);
    }
  });

  it('answers unknown API paths and other methods with a JSON error in both languages', async () => {
    const api = await get('/api/nope');
    assert.equal(api.status, 404);
    assert.deepEqual(Object.keys(JSON.parse(api.body).message), ['ko', 'en']);
    assert.equal((await get('/ko/lesson/', {}, 'DELETE')).status, 404);
  });

  it('routes API paths to their features, and survives a feature that throws', async () => {
    assert.equal((await get('/api/health')).body, '{"ok":true}');
    const broken = await get('/api-broken/x');
    assert.equal(broken.status, 500);
    assert.match(broken.body, /a feature failed/);
    assert.equal((await get('/ko/lesson/')).status, 200, 'still serving');
  });

  it('answers only to its own names: loopback at its port, and the configured public origin', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'kafka-course.lan:4321', 'KAFKA-COURSE.lan:4321']) {
      assert.equal((await get('/api/health', { Host: host })).status, 200, host);
    }
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port}@evil.example`, 'kafka-course.lan']) {
      const refused = await get('/api/health', { Host: host });
      assert.equal(refused.status, 421, host);
      assert.match(JSON.parse(refused.body).message.ko, /COURSE_PUBLIC_ORIGIN/);
    }
  });

  it('refuses requests that pages of other sites send, and takes its own pages\' requests', async () => {
    assert.equal((await get('/api/health', { Origin: `http://127.0.0.1:${port}` })).status, 200);
    assert.equal((await get('/api/health', { Origin: 'http://kafka-course.lan:4321' })).status, 200);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      const refused = await get('/api/health', { Origin: origin });
      assert.equal(refused.status, 403, origin);
      assert.match(JSON.parse(refused.body).message.en, /other sites/);
    }
  });

  it('sends security headers, and a page\'s policy allows exactly its own inline scripts', async () => {
    const page = await get('/ko/lesson/');
    const policy = String(page.headers['content-security-policy']);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.match(policy, /connect-src 'self'(;|$)/);
    assert.match(policy, /default-src 'self'(;|$)/);
    const scripts = /script-src ([^;]*)/.exec(policy)![1]!.split(' ');
    assert.deepEqual(scripts.filter((s) => s.startsWith("'sha256-")), inlineScriptHashes(`<script>${themeScript}</script>`));
    assert.doesNotMatch(scripts.join(' '), /unsafe-inline|\*|https?:/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['x-frame-options'], 'DENY');
    const api = await get('/api/health');
    assert.match(String(api.headers['content-security-policy']), /script-src 'self' 'wasm-unsafe-eval';/, 'no page, no inline script allowed');
  });

  it('reads COURSE_PUBLIC_ORIGIN as origins, and names a value that is not one', () => {
    assert.deepEqual(parsePublicOrigins(' http://Kafka-Course.lan:4321/ ,http://192.168.0.10:4321'), ['http://kafka-course.lan:4321', 'http://192.168.0.10:4321']);
    assert.deepEqual(parsePublicOrigins(undefined), []);
    for (const value of ['kafka-course.lan', 'http://kafka-course.lan:4321/course', 'ftp://kafka-course.lan', 'http://user@kafka-course.lan']) {
      assert.throws(() => parsePublicOrigins(value), new RegExp(`COURSE_PUBLIC_ORIGIN: "${value.replace(/[.?/]/g, '\\$&')}" is not an origin`));
    }
  });
});
