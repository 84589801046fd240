/** The course outline in one language, each lesson with its entry: what the home and progress pages list. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { CourseLocale } from './locales.ts';

export interface OutlinedLesson {
	/** "<module>/<lesson>": a lesson's key in progress storage, the same in both languages. */
	key: string;
	href: string;
	entry: CollectionEntry<'docs'>;
}

export async function localizedOutline(locale: CourseLocale): Promise<Array<{ id: string; title: string; lessons: OutlinedLesson[] }>> {
	const modules = (await getCollection('modules')).sort((a, b) => a.data.order - b.data.order);
	return Promise.all(
		modules.map(async (module) => ({
			id: module.id,
			title: module.data.title[locale],
			lessons: await Promise.all(
				module.data.lessons.map(async (lesson) => {
					const entry = await getEntry('docs', `${locale}/${module.id}/${lesson}`);
					if (!entry) throw new Error(`content/lessons/${locale}/${module.id}/${lesson}.mdx is missing`);
					return { key: `${module.id}/${lesson}`, href: `/${locale}/${module.id}/${lesson}/`, entry };
				}),
			),
		})),
	);
}
