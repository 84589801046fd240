/** The course's languages. Korean is the default; both are served under their own prefix (/ko/, /en/). */
export const courseLocales = ['ko', 'en'] as const;
export type CourseLocale = (typeof courseLocales)[number];
export const defaultLocale: CourseLocale = 'ko';

export function isCourseLocale(value: unknown): value is CourseLocale {
	return courseLocales.includes(value as CourseLocale);
}

/** The other language of a page, e.g. for the glossary tooltip that shows the twin term. */
export function otherLocale(locale: CourseLocale): CourseLocale {
	return locale === 'ko' ? 'en' : 'ko';
}
