import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  // Pagefind's search index
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Serves the built site (Astro's dist/): files, directory index.html, and 404.html for the rest. */
export function serveStaticSite(siteDir: string): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const root = normalize(siteDir + sep);
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await resolveFile(root, decodeURIComponent(url.pathname));
    if (!file) {
      const notFound = await resolveFile(root, '/404.html');
      res.writeHead(404, { 'Content-Type': CONTENT_TYPES['.html']! });
      if (notFound && req.method === 'GET') createReadStream(notFound).pipe(res);
      else res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const candidate = normalize(join(root, pathname));
  if (!candidate.startsWith(root)) return undefined; // ../ out of the site
  for (const path of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
  }
  return undefined;
}
