import { defaultLocale, isCourseLocale, type CourseLocale } from '../../course/locales.ts';

/** The language of the page being rendered (from its /ko/ or /en/ prefix). */
export function pageLocale(currentLocale: string | undefined): CourseLocale {
	return isCourseLocale(currentLocale) ? currentLocale : defaultLocale;
}
