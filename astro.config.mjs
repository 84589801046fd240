// @ts-check
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { parsePublicOrigins } from './sandbox/server/allowed-origins.ts';
import { readOutline } from './src/course/outline.ts';
import { resolveCoursePaths } from './src/course/paths.ts';
import { courseSidebar } from './src/course/sidebar.ts';
import { lessonLocaleFromPath } from './src/markdown/locale-aware.ts';
import { localeAwareMarkdown } from './src/integrations/locale-aware-markdown.ts';
import { courseParity } from './src/integrations/parity/index.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const paths = resolveCoursePaths(root);

/** Content built from another folder (tests, fixtures) gets its own content cache, so entries never mix. */
function cacheDirFor(contentDir) {
	if (!process.env.COURSE_CONTENT_DIR) return undefined;
	return join(tmpdir(), `course-site-cache-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`);
}

/** Where learners reach the course (canonical links, the sitemap): the public origin a host sets, else the local server. */
function courseOrigin() {
	return parsePublicOrigins(process.env.COURSE_PUBLIC_ORIGIN)[0] ?? `http://127.0.0.1:${process.env.PORT || 4321}`;
}

export default defineConfig({
	outDir: process.env.COURSE_SITE_OUT_DIR ?? './dist',
	cacheDir: cacheDirFor(paths.contentDir),
	markdown: {
		// `## Title {#id}` gives a heading the same id in both languages.
		processor: satteri({ features: { headingAttributes: true } }),
	},
	site: courseOrigin(),
	vite: {
		build: {
			rolldownOptions: {
				// Astro's MDX pages carry a "use astro:head-inject" directive that the bundler reports on every
				// lesson; it is Astro's own marker, nothing the course can act on.
				onLog(level, log, handler) {
					if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
				},
			},
		},
		resolve: {
			alias: { '@course/components': fileURLToPath(new URL('./src/components/lesson/index.ts', import.meta.url)) },
		},
	},
	integrations: [
		courseParity(),
		starlight({
			title: { ko: '카프카 실습 코스', en: 'Kafka hands-on course' },
			defaultLocale: 'ko',
			locales: {
				ko: { label: '한국어', lang: 'ko' },
				en: { label: 'English', lang: 'en' },
			},
			sidebar: courseSidebar(readOutline(paths.courseFile)),
			routeMiddleware: './src/course/route-middleware.ts',
			// The lessons' collection holds only lessons: the not-found page is src/pages/404.astro, in both languages.
			disable404Route: true,
			markdown: {
				// Lessons live outside src/content/docs; Starlight's Markdown transforms must still run on them.
				processedDirs: [paths.lessonsDir],
			},
			expressiveCode: {
				themes: ['starlight-dark', 'starlight-light'],
				// Starlight infers a code block's UI language from src/content/docs paths; lessons live elsewhere.
				getBlockLocale: ({ file }) => lessonLocaleFromPath(file.path, paths.lessonsDir) ?? 'ko',
			},
			components: {
				LanguageSelect: './src/components/starlight/LanguageSelect.astro',
				Sidebar: './src/components/starlight/Sidebar.astro',
				MarkdownContent: './src/components/starlight/MarkdownContent.astro',
			},
		}),
		localeAwareMarkdown(paths.lessonsDir),
	],
});
