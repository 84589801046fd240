import { z } from 'astro/zod';

/**
 * The course's lesson frontmatter, on top of Starlight's docs schema. The same object validates
 * the docs collection and the parity check, so an author gets one set of rules.
 */
export const lessonFrontmatter = z.object({
	title: z.string().min(1).describe('The lesson title, shown as the page title and in the outline.'),
	description: z
		.string()
		.min(1)
		.describe('One sentence saying what the lesson covers; used for the meta description and the outline.'),
	sources: z
		.array(z.string().regex(/^\d{3}$/, 'a note id is three digits, e.g. "001"'))
		.min(1)
		.describe('Ids of the study notes the lesson is drawn from, e.g. ["001"].'),
	objectives: z
		.array(z.string().min(1))
		.min(2)
		.max(5)
		.describe('Two to five learning objectives ("after this lesson you can ...").'),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
