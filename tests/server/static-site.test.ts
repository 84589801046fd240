import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CourseServer } from '../../sandbox/server/course-server.ts';

describe('the course server', () => {
  const site = mkdtempSync(join(tmpdir(), 'course-site-'));
  mkdirSync(join(site, 'ko', 'lesson'), { recursive: true });
  writeFileSync(join(site, 'ko', 'lesson', 'index.html'), '<h1>레슨</h1>');
  writeFileSync(join(site, 'app.js'), 'console.log(1)');
  writeFileSync(join(site, '404.html'), 'not here');
  writeFileSync(join(tmpdir(), 'outside-the-site.txt'), 'secret');

  const server = new CourseServer({ siteDir: site, port: 0 })
    .addRoute('/api/', (_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'); })
    .addRoute('/api-broken/', () => { throw new Error('a feature failed'); });
  let base = '';
  before(async () => { base = await server.listen(); });
  after(() => server.close());

  const get = (path: string) => new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    // A raw request, so that ../ reaches the server as sent.
    request(`${base.replace(/\/$/, '')}${path}`, { path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    }).on('error', reject).end();
  });

  it('binds to loopback by default', () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves pages, assets and directory indexes with their types', async () => {
    assert.deepEqual(await get('/ko/lesson/'), { status: 200, type: 'text/html; charset=utf-8', body: '<h1>레슨</h1>' });
    assert.equal((await get('/app.js')).type, 'text/javascript; charset=utf-8');
  });

  it('answers unknown paths, and paths out of the site, with the 404 page', async () => {
    assert.deepEqual(await get('/nope'), { status: 404, type: 'text/html; charset=utf-8', body: 'not here' });
    const escape = await get('/../outside-the-site.txt');
    assert.equal(escape.status, 404);
    assert.doesNotMatch(escape.body, /secret/);
  });

  it('routes API prefixes to their features, and survives a feature that throws', async () => {
    assert.equal((await get('/api/health')).body, '{"ok":true}');
    const broken = await get('/api-broken/x');
    assert.equal(broken.status, 500);
    assert.match(broken.body, /a feature failed/);
    assert.equal((await get('/ko/lesson/')).status, 200, 'still serving');
  });
});
