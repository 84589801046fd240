import type { CourseOutline } from './outline.ts';

/** The glossary's path under each locale prefix (Starlight prefixes sidebar links with the locale). */
export const glossaryPath = '/glossary/';

/**
 * Starlight's sidebar from the course outline: one group per module, its lessons in order.
 * Lesson labels come from each lesson's frontmatter title, in the page's language.
 */
export function courseSidebar(outline: CourseOutline) {
	return [
		...outline.modules.map((module) => ({
			label: module.title.ko,
			translations: { en: module.title.en },
			items: module.lessons.map((lesson) => `${module.id}/${lesson}`),
		})),
		{ label: '용어집', translations: { en: 'Glossary' }, link: glossaryPath },
	];
}
