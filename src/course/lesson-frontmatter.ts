import { z } from 'astro/zod';

const text = z.string().trim().min(1);

/** One answer of a knowledge-check question, with why it is right or wrong (shown once the learner answers). */
const knowledgeCheckChoice = z.object({
	answer: text.describe('The choice as the learner reads it. `backticks` show as code.'),
	correct: z.literal(true).optional().describe('Marks the one right answer.'),
	why: text.describe('Why this choice is right or wrong, in the lesson’s language.'),
});

/** A question at the end of a lesson: multiple choice, or "predict, then run it" when `predict` is given. */
const knowledgeCheckQuestion = z.object({
	question: text.describe('The question. `backticks` show as code.'),
	predict: z
		.object({
			run: text.describe('What to run to see the answer, e.g. a command or a step of the exercise on the page.'),
			section: z.string().optional().describe('The explicit id of the heading on this page where it can be run.'),
		})
		.optional()
		.describe('Makes this a "predict, then run it" question: the learner commits to a prediction first.'),
	choices: z
		.array(knowledgeCheckChoice)
		.min(2)
		.max(5)
		.refine((choices) => choices.filter((choice) => choice.correct).length === 1, 'exactly one choice has correct: true'),
});

export type KnowledgeCheckQuestion = z.infer<typeof knowledgeCheckQuestion>;

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
	knowledgeCheck: z
		.array(knowledgeCheckQuestion, {
			error: (issue) => (issue.input === undefined ? 'every lesson ends with a knowledge check: add 3 to 5 questions (content/README.md)' : undefined),
		})
		.min(3)
		.max(5)
		.describe('Three to five questions, shown where the lesson places <KnowledgeCheck />.'),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
