import type { AstroIntegration } from 'astro';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import { localeAwareAsideTitles, localeAwareHeadingLabels } from '../markdown/locale-aware.ts';

/**
 * Starlight takes a Markdown file's language from its path under src/content/docs; lessons live in
 * content/lessons, so Starlight would title asides and label heading anchors in the default language
 * on every lesson. Listed after starlight(), this puts the lesson-language plugins around Starlight's:
 * aside titles before its asides plugin, anchor labels after its heading-links plugin.
 */
export function localeAwareMarkdown(lessonsDir: string): AstroIntegration {
	return {
		name: 'course-locale-aware-markdown',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const processor = config.markdown.processor;
				if (!isSatteriProcessor(processor)) throw new Error('the course site expects the satteri Markdown processor');
				processor.options.mdastPlugins.unshift(localeAwareAsideTitles(lessonsDir));
				processor.options.hastPlugins.push(localeAwareHeadingLabels(lessonsDir));
			},
		},
	};
}
