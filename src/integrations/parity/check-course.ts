import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { lessonFrontmatter, type LessonFrontmatter } from '../../course/lesson-frontmatter.ts';
import { courseLocales, type CourseLocale } from '../../course/locales.ts';
import { lessonSlugs, readOutline } from '../../course/outline.ts';
import type { CoursePaths } from '../../course/paths.ts';
import { scanLesson, type LessonScan, type ScannedComponent, type ScannedHeading } from './lesson-scan.ts';

/** One thing wrong with the course sources, located so an author can jump to it. */
export interface Problem {
	/** Path relative to the repository root, e.g. content/lessons/en/foundations/what-is-kafka.mdx */
	readonly file: string;
	readonly line: number;
	readonly message: string;
}

export function formatProblem({ file, line, message }: Problem): string {
	return `${file}:${line}: ${message}`;
}

interface Lesson {
	readonly locale: CourseLocale;
	/** "<module>/<lesson>", the same in both locales. */
	readonly slug: string;
	readonly absolutePath: string;
	readonly file: string;
	readonly scan: LessonScan;
}

interface KnownIds {
	readonly labs: ReadonlySet<string>;
	/** Outlined lessons by lesson id (what <LessonLink id> names), each with its "<module>/<lesson>" slug. */
	readonly lessonSlugs: ReadonlyMap<string, string>;
	/** Every lesson by "<locale>/<slug>", for the headings a <LessonLink section> may name. */
	readonly lessons: ReadonlyMap<string, Lesson>;
	readonly terms: ReadonlySet<string>;
	/** The facts file's scopes, or undefined when the version the course runs has none (reported once). */
	readonly kafkaDefaults: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
	/** kafka-<version>.json, for messages. */
	readonly factsFileName: string;
}

/**
 * Checks the course sources the site is built from: every outlined lesson exists in every
 * locale, each lesson has its twin with the same headings (levels and explicit ids), the same
 * labs in the same order and the same knowledge-check questions, every component points at something
 * that exists, frontmatter is valid, and every lesson has its summary and knowledge check.
 * `root` is the repository root; file names in problems are relative to it.
 */
export function checkCourse(paths: CoursePaths, root: string): Problem[] {
	const display = (absolutePath: string) => relative(root, absolutePath).split('\\').join('/');
	const problems: Problem[] = [];
	const lessons = findLessons(paths.lessonsDir, display, problems);
	const known = readKnownIds(paths, lessons);
	if (!known.kafkaDefaults) {
		const message = `no defaults for Kafka ${paths.kafkaVersion}, the version the course runs (KAFKA_VERSION): write them from a live broker with \`KAFKA_VERSION=${paths.kafkaVersion} npm run facts\``;
		problems.push({ file: display(paths.factsFile), line: 1, message });
	}

	checkOutline(paths, lessons, display, problems);
	const bySlug = Map.groupBy(lessons, (lesson) => lesson.slug);
	for (const [slug, twins] of bySlug) {
		const ko = twins.find((lesson) => lesson.locale === 'ko');
		const en = twins.find((lesson) => lesson.locale === 'en');
		for (const lesson of twins) {
			const twinLocale = lesson.locale === 'ko' ? 'en' : 'ko';
			if (!twins.some((twin) => twin.locale === twinLocale)) {
				const twinFile = display(join(paths.lessonsDir, twinLocale, `${slug}.mdx`));
				problems.push({ file: lesson.file, line: 1, message: `has no ${twinLocale} twin (expected ${twinFile})` });
			}
		}
		if (ko && en) compareTwins(ko, en, problems);
	}
	for (const lesson of lessons) {
		checkFrontmatter(lesson, problems);
		checkHeadingIds(lesson, problems);
		checkComponents(lesson, known, problems);
		checkLessonEnding(lesson, problems);
		checkReaderReferences(lesson, problems);
		checkImages(lesson, problems);
		for (const { text, line } of lesson.scan.brokenBold) {
			const message = `${text} shows its asterisks: a closing ** after punctuation must not touch a letter; put the particle inside (e.g. **\`acks\`는**) or use <strong>`;
			problems.push({ file: lesson.file, line, message });
		}
	}
	return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function findLessons(lessonsDir: string, display: (path: string) => string, problems: Problem[]): Lesson[] {
	if (!existsSync(lessonsDir)) return [];
	const lessons: Lesson[] = [];
	for (const entry of readdirSync(lessonsDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
		const absolutePath = join(entry.parentPath, entry.name);
		const [locale, ...rest] = relative(lessonsDir, absolutePath).split(/[\\/]/);
		const file = display(absolutePath);
		if (!courseLocales.includes(locale as CourseLocale) || rest.length !== 2 || !entry.name.endsWith('.mdx')) {
			problems.push({ file, line: 1, message: 'lessons live at content/lessons/<ko|en>/<module>/<lesson>.mdx' });
			continue;
		}
		const slug = rest.join('/').replace(/\.mdx$/, '');
		const scan = scanLesson(readFileSync(absolutePath, 'utf8'));
		lessons.push({ locale: locale as CourseLocale, slug, absolutePath, file, scan });
	}
	return lessons;
}

function readKnownIds(paths: CoursePaths, lessons: readonly Lesson[]): KnownIds {
	const labs = existsSync(paths.labsDir)
		? readdirSync(paths.labsDir).filter((id) => existsSync(join(paths.labsDir, id, 'meta.json')))
		: [];
	const terms = existsSync(paths.glossaryDir)
		? readdirSync(paths.glossaryDir)
				.filter((name) => name.endsWith('.yaml'))
				.map((name) => name.replace(/\.yaml$/, ''))
		: [];
	const kafkaDefaults = existsSync(paths.factsFile) ? JSON.parse(readFileSync(paths.factsFile, 'utf8')) : undefined;
	const lessonSlugsById = new Map(lessonSlugs(readOutline(paths.courseFile)).map((slug) => [slug.split('/')[1] ?? slug, slug]));
	const lessonsByKey = new Map(lessons.map((lesson) => [`${lesson.locale}/${lesson.slug}`, lesson]));
	return { labs: new Set(labs), terms: new Set(terms), kafkaDefaults, factsFileName: basename(paths.factsFile), lessonSlugs: lessonSlugsById, lessons: lessonsByKey };
}

function checkOutline(paths: CoursePaths, lessons: readonly Lesson[], display: (path: string) => string, problems: Problem[]): void {
	const courseFile = display(paths.courseFile);
	const outlineLines = readFileSync(paths.courseFile, 'utf8').split(/\r?\n/);
	const timesListed = new Map<string, number>();
	for (const slug of lessonSlugs(readOutline(paths.courseFile))) {
		const lessonId = slug.split('/')[1] ?? slug;
		const listing = new RegExp(`^\\s*-\\s*['"]?${lessonId}['"]?\\s*(#.*)?$`);
		const earlier = timesListed.get(lessonId) ?? 0;
		timesListed.set(lessonId, earlier + 1);
		// The line of this listing: the first one, or the repeated one.
		const listedAt = outlineLines.map((line, index) => (listing.test(line) ? index + 1 : 0)).filter(Boolean)[earlier] ?? 1;
		// <LessonLink id> names a lesson by its id alone, so an id may appear once in the whole course.
		if (earlier > 0) problems.push({ file: courseFile, line: listedAt, message: `lesson id "${lessonId}" is listed twice; lesson ids are unique across modules` });
		for (const locale of courseLocales) {
			if (!lessons.some((lesson) => lesson.slug === slug && lesson.locale === locale)) {
				const expected = display(join(paths.lessonsDir, locale, `${slug}.mdx`));
				problems.push({ file: courseFile, line: listedAt, message: `lesson "${slug}" is listed but ${expected} does not exist` });
			}
		}
	}
}

function compareTwins(ko: Lesson, en: Lesson, problems: Problem[]): void {
	const describeHeading = (heading: ScannedHeading) => `${'#'.repeat(heading.level)} {#${heading.id ?? ''}}`;
	compareSequences(ko, en, ko.scan.headings, en.scan.headings, describeHeading, 'headings', problems);
	const embeds = (lesson: Lesson) => lesson.scan.components.filter((component) => component.name === 'Lab' || component.name === 'TerminalExercise');
	const describeEmbed = (component: ScannedComponent) => `<${component.name} id="${component.attributes['id'] ?? ''}">`;
	compareSequences(ko, en, embeds(ko), embeds(en), describeEmbed, 'labs and exercises', problems);
	// Invalid questions are reported by the frontmatter check; compare only twins whose questions both read.
	const [koQuestions, enQuestions] = [knowledgeCheckOf(ko), knowledgeCheckOf(en)];
	if (koQuestions && enQuestions) compareSequences(ko, en, koQuestions, enQuestions, describeQuestion, 'knowledge-check questions', problems);
}

interface ScannedQuestion {
	readonly question: LessonFrontmatter['knowledgeCheck'][number];
	readonly line: number;
}

/** The lesson's knowledge-check questions (none when it has no knowledgeCheck), or undefined when they are invalid. */
function knowledgeCheckOf(lesson: Lesson): ScannedQuestion[] | undefined {
	const written = (lesson.scan.frontmatter.data as { knowledgeCheck?: unknown } | undefined)?.knowledgeCheck;
	if (written === undefined) return [];
	const parsed = lessonFrontmatter.shape.knowledgeCheck.safeParse(written);
	if (!parsed.success) return undefined;
	return parsed.data.map((question, index) => ({ question, line: lesson.scan.frontmatter.lineOf(['knowledgeCheck', index]) }));
}

/** What twins' questions share, whatever the language: their kind, their number of choices, which one is right. */
function describeQuestion({ question }: ScannedQuestion): string {
	const kind = question.predict ? `predict${question.predict.section ? ` (#${question.predict.section})` : ''}` : 'multiple choice';
	const correct = question.choices.findIndex((choice) => choice.correct) + 1;
	return `a ${kind} question with ${question.choices.length} choices, choice ${correct} right`;
}

/** Reports the first place where two twins' sequences differ, on the English twin, pointing at the Korean line. */
function compareSequences<T extends { readonly line: number }>(
	ko: Lesson,
	en: Lesson,
	koItems: readonly T[],
	enItems: readonly T[],
	describe: (item: T) => string,
	what: string,
	problems: Problem[],
): void {
	const length = Math.max(koItems.length, enItems.length);
	for (let index = 0; index < length; index++) {
		const koItem = koItems[index];
		const enItem = enItems[index];
		const koText = koItem ? describe(koItem) : undefined;
		const enText = enItem ? describe(enItem) : undefined;
		if (koText === enText) continue;
		const koWhere = koItem ? `${ko.file}:${koItem.line} has ${koText}` : `${ko.file} has nothing more`;
		const message = `${what} differ from the ko twin: ${enText ? `found ${enText}` : 'missing an item'} where ${koWhere}`;
		problems.push({ file: en.file, line: enItem?.line ?? enItems.at(-1)?.line ?? 1, message });
		return;
	}
}

function checkFrontmatter(lesson: Lesson, problems: Problem[]): void {
	const { frontmatter } = lesson.scan;
	if (frontmatter.error) {
		problems.push({ file: lesson.file, ...frontmatter.error });
		return;
	}
	const result = lessonFrontmatter.safeParse(frontmatter.data);
	if (result.success) return;
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || 'frontmatter';
		problems.push({ file: lesson.file, line: frontmatter.lineOf(issue.path), message: `invalid frontmatter ${field}: ${issue.message}` });
	}
}

function checkHeadingIds(lesson: Lesson, problems: Problem[]): void {
	const seen = new Set<string>();
	for (const heading of lesson.scan.headings) {
		if (heading.level <= 3 && heading.id === undefined) {
			problems.push({ file: lesson.file, line: heading.line, message: `heading "${heading.text}" needs an explicit id, e.g. {#some-id}` });
		} else if (heading.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(heading.id)) {
			problems.push({ file: lesson.file, line: heading.line, message: `heading id "${heading.id}" must be kebab-case (a-z, 0-9, -)` });
		}
		if (heading.id !== undefined) {
			if (seen.has(heading.id)) problems.push({ file: lesson.file, line: heading.line, message: `heading id "${heading.id}" is used twice` });
			seen.add(heading.id);
		}
	}
}

function checkComponents(lesson: Lesson, known: KnownIds, problems: Problem[]): void {
	for (const { name, attributes, line } of lesson.scan.components) {
		const report = (message: string) => problems.push({ file: lesson.file, line, message });
		if (name === 'KafkaDefault') {
			const { scope, name: config } = attributes;
			const scopeDefaults = scope === undefined ? undefined : known.kafkaDefaults?.[scope];
			if (scope === undefined || config === undefined) report('<KafkaDefault> needs scope="..." and name="..." string attributes');
			else if (!known.kafkaDefaults) continue;
			else if (!scopeDefaults || typeof scopeDefaults !== 'object') report(`unknown KafkaDefault scope "${scope}" (broker, topic, producer or consumer)`);
			else if (!(config in scopeDefaults)) report(`unknown ${scope} config "${config}" in ${known.factsFileName}`);
			continue;
		}
		if (name === 'KnowledgeCheck') continue;
		const id = attributes['id'];
		if (id === undefined) report(`<${name}> needs an id="..." string attribute`);
		else if (name === 'LessonLink') checkLessonLink(lesson, id, attributes['section'], known, report);
		else if (name === 'Term' && !known.terms.has(id)) report(`unknown glossary term "${id}" (no content/glossary/${id}.yaml)`);
		else if (name !== 'Term' && !known.labs.has(id)) report(`unknown lab id "${id}" (no labs/${id}/meta.json)`);
	}
}

function checkImages(lesson: Lesson, problems: Problem[]): void {
	for (const { alt, src, line } of lesson.scan.images) {
		if (alt === '') problems.push({ file: lesson.file, line, message: `image ${src} needs alt text` });
		if (src.startsWith('.') && !existsSync(join(dirname(lesson.absolutePath), src))) {
			problems.push({ file: lesson.file, line, message: `image ${src} does not exist` });
		}
	}
}

function checkLessonLink(lesson: Lesson, id: string, section: string | undefined, known: KnownIds, report: (message: string) => void): void {
	const slug = known.lessonSlugs.get(id);
	if (slug === undefined) {
		report(`<LessonLink id="${id}">: no lesson "${id}" in content/course.yaml`);
		return;
	}
	const target = known.lessons.get(`${lesson.locale}/${slug}`);
	if (section !== undefined && target && !target.scan.headings.some((heading) => heading.id === section)) {
		report(`<LessonLink id="${id}" section="${section}">: ${target.file} has no heading {#${section}}`);
	}
}

/**
 * Every lesson ends the same way: a "## ... {#summary}" section, then one <KnowledgeCheck /> (its
 * questions are in the frontmatter, which the schema checks). A predict question's section must exist.
 */
function checkLessonEnding(lesson: Lesson, problems: Problem[]): void {
	const { headings, components } = lesson.scan;
	const report = (line: number, message: string) => problems.push({ file: lesson.file, line, message });
	const summary = headings.find((heading) => heading.level === 2 && heading.id === 'summary');
	const checks = components.filter((component) => component.name === 'KnowledgeCheck');
	const lastLine = lesson.scan.lineCount;
	if (!summary) report(lastLine, 'the lesson has no summary: end it with a "## ... {#summary}" section (content/README.md)');
	if (checks.length === 0) report(lastLine, 'the lesson has no knowledge check: put <KnowledgeCheck /> after its summary (content/README.md)');
	for (const extra of checks.slice(1)) report(extra.line, '<KnowledgeCheck /> is used more than once');
	const [check] = checks;
	if (check && summary && check.line < summary.line) report(check.line, '<KnowledgeCheck /> comes before the summary; it belongs at the end of the lesson');
	for (const { question, line } of knowledgeCheckOf(lesson) ?? []) {
		const section = question.predict?.section;
		if (section !== undefined && !headings.some((heading) => heading.id === section)) {
			report(line, `knowledge-check question names section "${section}", but the lesson has no heading {#${section}}`);
		}
	}
}

/** Learners follow links, not numbers that reordering breaks, and never see the study notes the lessons come from. */
function checkReaderReferences(lesson: Lesson, problems: Problem[]): void {
	for (const { kind, text, line } of lesson.scan.readerReferences) {
		const message =
			kind === 'lesson-number'
				? `"${text}": refer to a lesson with <LessonLink id="..." />, which survives reordering`
				: `"${text}": learners never see the study notes; state the fact, or a common misconception as an aside (content/README.md)`;
		problems.push({ file: lesson.file, line, message });
	}
}
