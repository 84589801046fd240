// Builds the course site and prints: build time, page count, and the gzipped JavaScript each kind of
// page loads up front (its <script> tags plus every module they import statically). Figures only:
// the target is <= 30 kB for a lesson without a lab; heavy lab code must load only where it is used.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildSite } from '../site/helpers/build-site.ts';

const lessonBudgetBytes = 30 * 1024;

const outDir = mkdtempSync(join(tmpdir(), 'course-site-bench-'));
try {
	const started = performance.now();
	const build = await buildSite({ outDir, contentDir: process.env['COURSE_CONTENT_DIR'] });
	const seconds = (performance.now() - started) / 1000;
	if (build.exitCode !== 0) throw new Error(`astro build failed:\n${build.output}`);

	const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
	const lessonPages = pages.filter((page) => /^(ko|en)\/[^/]+\/[^/]+\/index\.html$/.test(page) && !page.includes('/glossary/'));
	const hasLab = (page: string) => /data-lab-id=/.test(readFileSync(join(outDir, page), 'utf8'));
	const kinds: Array<[string, string | undefined]> = [
		['home', 'ko/index.html'],
		['lesson without a lab', lessonPages.find((page) => !hasLab(page))],
		['lesson with a lab embed', lessonPages.find(hasLab)],
		['glossary', 'ko/glossary/index.html'],
	];

	console.log(`build time: ${seconds.toFixed(1)} s`);
	console.log(`pages: ${pages.length} HTML files (${lessonPages.length} lesson pages)`);
	console.log('JavaScript loaded up front, gzip:');
	for (const [kind, page] of kinds) {
		if (!page) {
			console.log(`  ${kind.padEnd(24)} n/a (no such page)`);
			continue;
		}
		const { bytes, files } = pageJavaScript(outDir, page);
		const budget = kind === 'lesson without a lab' ? `  (target <= ${lessonBudgetBytes / 1024} kB: ${bytes <= lessonBudgetBytes ? 'met' : 'NOT met'})` : '';
		console.log(`  ${kind.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(6)} kB in ${files} scripts/modules  /${page.replace(/index\.html$/, '')}${budget}`);
	}
} finally {
	rmSync(outDir, { recursive: true, force: true });
}

/** Sums the gzip size of a page's inline scripts and of every module reachable through static imports. */
function pageJavaScript(root: string, page: string): { bytes: number; files: number } {
	const html = readFileSync(join(root, page), 'utf8');
	let bytes = 0;
	let files = 0;
	for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attributes = script[1] ?? '';
		if (/type="(application\/(ld\+)?json)"/.test(attributes)) continue;
		if (!/\bsrc=/.test(attributes) && script[2]?.trim()) {
			bytes += gzipSync(script[2]).length;
			files++;
		}
	}
	const entryModules = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)]
		.map((match) => match[1])
		.filter((src): src is string => src !== undefined && src.startsWith('/'));
	const seen = new Set<string>();
	const queue = [...entryModules];
	while (queue.length > 0) {
		const url = queue.pop() as string;
		if (seen.has(url)) continue;
		seen.add(url);
		const code = readFileSync(join(root, url), 'utf8');
		bytes += gzipSync(code).length;
		files++;
		// Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`.
		for (const imported of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
			const specifier = imported[1] as string;
			queue.push(specifier.startsWith('/') ? specifier : posix.join(dirname(url), specifier));
		}
	}
	return { bytes, files };
}
