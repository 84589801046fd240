import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { lessonFrontmatter } from './course/lesson-frontmatter.ts';
import { courseLocales } from './course/locales.ts';
import { lessonSlugs, parseOutline, readOutline } from './course/outline.ts';
import { resolveCoursePaths } from './course/paths.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = resolveCoursePaths(root);
const localized = (what: string) =>
	z.object({ ko: z.string().min(1).describe(`${what} in Korean.`), en: z.string().min(1).describe(`${what} in English.`) });

/** Only lessons listed in course.yaml are loaded, so an unlisted draft never becomes a page. */
const listedLessonFiles = lessonSlugs(readOutline(paths.courseFile)).flatMap((slug) =>
	courseLocales.map((locale) => `${locale}/${slug}.mdx`),
);

export const collections = {
	// Entry ids are "<locale>/<module>/<lesson>", which Starlight serves at /<locale>/<module>/<lesson>/.
	docs: defineCollection({
		loader: glob({ base: pathToFileURL(`${paths.lessonsDir}/`), pattern: listedLessonFiles }),
		// Starlight validates its custom pages (home, glossary) with this schema too, and they have no
		// sources, objectives or knowledge check; the parity check requires them on every lesson before the build starts.
		schema: docsSchema({ extend: lessonFrontmatter.partial({ sources: true, objectives: true, knowledgeCheck: true }) }),
	}),
	// content/course.yaml: one entry per module, `order` keeping the teaching order.
	modules: defineCollection({
		loader: file(paths.courseFile, {
			parser: (text) => parseOutline(text, paths.courseFile).modules.map((module, order) => ({ ...module, order })),
		}),
		schema: z.object({
			order: z.number().int().describe('Position of the module in the course.'),
			title: localized('The module title'),
			lessons: z.array(z.string()).describe('Lesson ids in teaching order.'),
		}),
	}),
	// The home page's introduction, one MDX file per locale: src/content/home/<locale>.mdx
	home: defineCollection({
		loader: glob({ base: './src/content/home', pattern: '*.mdx' }),
	}),
	i18n: defineCollection({
		loader: i18nLoader(),
		schema: i18nSchema({
			extend: z
				.object({
					'course.home.title': z.string(),
					'course.home.tagline': z.string(),
					'course.home.start': z.string(),
					'course.home.outline': z.string(),
					'course.glossary.title': z.string(),
					'course.glossary.description': z.string(),
					'course.glossary.kafkaNames': z.string(),
					'course.handsOn.lab': z.string(),
					'course.handsOn.terminal': z.string(),
					'course.handsOn.comingSoon': z.string(),
					'course.progress.toggle': z.string(),
					'course.progress.doneInOutline': z.string(),
					'course.progress.title': z.string(),
					'course.progress.description': z.string(),
					'course.progress.lesson': z.string(),
					'course.progress.status': z.string(),
					'course.progress.knowledgeCheck': z.string(),
					'course.progress.handsOn': z.string(),
					'course.progress.done': z.string(),
					'course.progress.notDone': z.string(),
					'course.progress.answered': z.string(),
					'course.progress.best': z.string(),
					'course.progress.notTried': z.string(),
					'course.progress.planned': z.string(),
					'course.progress.link': z.string(),
				})
				.partial(),
		}),
	}),
	glossary: defineCollection({
		loader: glob({ base: pathToFileURL(`${paths.glossaryDir}/`), pattern: '*.yaml' }),
		schema: z.object({
			ko: z.string().min(1).describe('The term in Korean, as the Korean lessons use it.'),
			en: z.string().min(1).describe('The term in English.'),
			definition: localized('A one- or two-sentence definition'),
			kafkaNames: z
				.array(z.string())
				.default([])
				.describe('Related Kafka config, class or tool names (never translated).'),
		}),
	}),
	// content/facts/kafka-<version>.json for the version the course runs: one entry per scope (broker, topic, producer, consumer).
	kafkaDefaults: defineCollection({
		loader: file(paths.factsFile, {
			parser: (text) => {
				const { kafkaVersion: _version, ...scopes } = JSON.parse(text) as Record<string, Record<string, string>>;
				return Object.fromEntries(Object.entries(scopes).map(([scope, defaults]) => [scope, { defaults }]));
			},
		}),
		schema: z.object({
			defaults: z.record(z.string(), z.string()).describe('Config name → default value, as the Kafka release the course runs reports it.'),
		}),
	}),
	labs: defineCollection({
		loader: glob({
			base: pathToFileURL(`${paths.labsDir}/`),
			pattern: '*/meta.json',
			generateId: ({ entry }) => entry.split('/')[0] ?? entry,
		}),
		schema: z.object({
			kind: z.enum(['code', 'terminal']).describe('"code" for a TypeScript lab, "terminal" for a terminal exercise.'),
			title: localized('The lab title'),
			status: z.enum(['planned', 'ready']).describe('"planned" until the lab itself is written.'),
		}),
	}),
};
