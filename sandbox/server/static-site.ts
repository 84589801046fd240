import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PagePolicies } from './content-security-policy.ts';
import { refusals } from './refusals.ts';

/**
 * Serves the built site (Astro's dist/): files, a directory's index.html, and 404.html for everything
 * else. Each page goes out with its own content-security policy (its inline scripts' hashes).
 */
export function serveStaticSite(app: FastifyInstance, siteDir: string): void {
  const policies = new PagePolicies();
  let hasNotFoundPage = false;
  app.addHook('onReady', async () => {
    await policies.load(siteDir);
    hasNotFoundPage = existsSync(join(siteDir, '404.html'));
  });
  app.register(fastifyStatic, {
    root: siteDir,
    index: ['index.html'],
    // /ko/lesson serves /ko/lesson/index.html as it is: no redirect that a crafted path could aim elsewhere.
    redirect: false,
    setHeaders: (reply, path) => {
      const policy = policies.for(path);
      if (policy) reply.header('content-security-policy', policy);
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      throw refusals.noSuchEndpoint(`${request.method} ${pathname}`);
    }
    reply.code(404);
    if (hasNotFoundPage) return reply.sendFile('404.html');
    return reply.type('text/plain; charset=utf-8').send('Not found');
  });
}
