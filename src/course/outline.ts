import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { courseLocales } from './locales.ts';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case');
const localizedText = z.object(Object.fromEntries(courseLocales.map((locale) => [locale, z.string().min(1)])));

const outlineSchema = z.object({
	modules: z
		.array(
			z.object({
				id: kebabId,
				title: localizedText,
				lessons: z.array(kebabId),
			}),
		)
		.min(1),
});

export type CourseOutline = z.infer<typeof outlineSchema>;
export type CourseModule = CourseOutline['modules'][number];

/** Parses course.yaml's text: modules in teaching order, each with its ordered lesson ids. */
export function parseOutline(yamlText: string, source: string): CourseOutline {
	const parsed = outlineSchema.safeParse(parse(yamlText));
	if (!parsed.success) {
		const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
		throw new Error(`${source}: invalid course outline (${details})`);
	}
	return parsed.data;
}

export function readOutline(courseFile: string): CourseOutline {
	return parseOutline(readFileSync(courseFile, 'utf8'), courseFile);
}

/** The outline's lessons in teaching order, as "<module>/<lesson>" slugs (without the locale). */
export function lessonSlugs(outline: CourseOutline): string[] {
	return outline.modules.flatMap((module) => module.lessons.map((lesson) => `${module.id}/${lesson}`));
}
