import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';
import { isCourseLocale, type CourseLocale } from '../course/locales.ts';

/*
 * Starlight works out a Markdown file's language from its path under src/content/docs. The lessons
 * live in content/lessons, so Starlight would label every lesson's heading anchors, aside titles and
 * code-block buttons in the default language. These plugins take the language from the lesson path.
 */

/** The locale of a lesson file (content/lessons/<locale>/...), or undefined for any other file. */
export function lessonLocaleFromPath(path: string | undefined, lessonsDir: string): CourseLocale | undefined {
	if (!path) return undefined;
	const [locale, ...rest] = relative(lessonsDir, path).split(sep);
	return rest.length > 0 && isCourseLocale(locale) ? locale : undefined;
}

const anchorLabels: Record<CourseLocale, (title: string) => string> = {
	ko: (title) => `섹션 제목: “${title}”`,
	en: (title) => `Section titled “${title}”`,
};

const asideTitles: Record<CourseLocale, Record<string, string>> = {
	ko: { note: '참고', tip: '팁', caution: '주의', danger: '위험' },
	en: { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' },
};

/**
 * Rewrites the screen-reader label of Starlight's heading anchor links ("Section titled …") in the
 * lesson's language. Runs after Starlight's heading-links plugin.
 */
export function localeAwareHeadingLabels(lessonsDir: string): HastPluginEntry {
	return ({ fileURL }) => {
		const locale = lessonLocaleFromPath(fileURL && fileURLToPath(fileURL), lessonsDir);
		if (!locale) return undefined;
		return {
			name: 'course-heading-labels',
			element: {
				filter: ['div'],
				visit(node, ctx) {
					const [heading, anchor, ...rest] = node.children;
					if (!hasClass(node, 'sl-heading-wrapper') || heading?.type !== 'element' || anchor?.type !== 'element') return undefined;
					const text = { type: 'text' as const, value: anchorLabels[locale](ctx.textContent(heading)) };
					const children = anchor.children.map((child) =>
						child.type === 'element' && hasClass(child, 'sr-only') ? { ...child, children: [text] } : child,
					);
					return { ...node, children: [heading, { ...anchor, children }, ...rest] };
				},
			},
		};
	};
}

function hasClass(element: Element, name: string): boolean {
	const classes = element.properties?.['className'] ?? element.properties?.['class'];
	return (Array.isArray(classes) ? classes.map(String) : String(classes ?? '').split(/\s+/)).includes(name);
}

/** Gives `:::note`-style asides without a title the title in the lesson's language. */
export function localeAwareAsideTitles(lessonsDir: string): MdastPluginEntry {
	return ({ fileURL }) => {
		const locale = lessonLocaleFromPath(fileURL && fileURLToPath(fileURL), lessonsDir);
		if (!locale) return undefined;
		return {
			name: 'course-aside-titles',
			containerDirective(node) {
				const title = asideTitles[locale][node.name];
				const first = node.children[0];
				if (!title || (first?.type === 'paragraph' && first.data?.directiveLabel)) return undefined;
				return {
					...node,
					children: [{ type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value: title }] }, ...node.children],
				};
			},
		};
	};
}
