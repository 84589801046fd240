import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../helpers/chromium.ts';
import { CourseServer } from '../../../sandbox/server/course-server.ts';
import { buildSite } from './build-site.ts';

/** A built site served by the course's own server (no sandbox features: the static serving learners get), and a Chromium. */
export interface ServedSite {
  /** Where the site is served, without a trailing slash. */
  readonly origin: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Builds the site (the real content, or `contentDir`'s) into a temporary folder, serves it and launches Chromium. */
export async function serveBuiltSite(contentDir?: string): Promise<ServedSite> {
  const outDir = mkdtempSync(join(tmpdir(), 'course-site-'));
  const build = await buildSite({ outDir, contentDir });
  assert.equal(build.exitCode, 0, `astro build failed:\n${build.output}`);
  const server = new CourseServer({ siteDir: outDir, port: 0 });
  const origin = (await server.listen()).replace(/\/$/, '');
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
