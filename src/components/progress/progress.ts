/*
 * Self-study progress, kept in this browser's localStorage: which lessons the learner marked done, which
 * knowledge-check questions they answered, and the best result of each lab and terminal exercise. A lesson
 * is keyed by "<module>/<lesson>" and a hands-on part by its id, so progress made in one language shows in both.
 */

const doneLessonsKey = 'kafka-course:done-lessons';
/** Knowledge checks: for each lesson key, the indexes of the questions the learner has answered. */
const answeredQuestionsKey = 'kafka-course:knowledge-checks';
/** Labs and terminal exercises: for each id, the most checks passed in one press of Run or Check. */
const handsOnResultsKey = 'kafka-course:hands-on-results';

export interface HandsOnResult {
	passed: number;
	total: number;
}

function readStored(key: string): unknown {
	try {
		return JSON.parse(localStorage.getItem(key) ?? 'null');
	} catch {
		return null; // storage disabled or corrupted: start empty rather than break the page
	}
}

function writeStored(key: string, value: unknown): void {
	try {
		localStorage.setItem(key, JSON.stringify(value));
	} catch {
		// storage disabled: progress still shows for this page view
	}
}

export function readDoneLessons(): Set<string> {
	const stored = readStored(doneLessonsKey);
	return new Set(Array.isArray(stored) ? stored.filter((item) => typeof item === 'string') : []);
}

function writeDoneLessons(done: ReadonlySet<string>): void {
	writeStored(doneLessonsKey, [...done]);
}

function readAnsweredByLesson(): Record<string, unknown> {
	const stored = readStored(answeredQuestionsKey);
	return stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}

/** The questions of a lesson's knowledge check the learner has answered (in either language: twins share indexes). */
export function readAnsweredQuestions(lesson: string): Set<number> {
	const answered = readAnsweredByLesson()[lesson];
	return new Set(Array.isArray(answered) ? answered.filter((item) => Number.isInteger(item)) : []);
}

export function recordAnsweredQuestion(lesson: string, question: number): void {
	const byLesson = readAnsweredByLesson();
	const answered = readAnsweredQuestions(lesson).add(question);
	writeStored(answeredQuestionsKey, { ...byLesson, [lesson]: [...answered].sort((a, b) => a - b) });
}

function isHandsOnResult(value: unknown): value is HandsOnResult {
	const result = value as HandsOnResult | null;
	return typeof result === 'object' && result !== null && Number.isInteger(result.passed) && Number.isInteger(result.total);
}

/** The best result of each lab and exercise the learner has had checked. */
export function readHandsOnResults(): Record<string, HandsOnResult> {
	const stored = readStored(handsOnResultsKey);
	if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {};
	return Object.fromEntries(Object.entries(stored).filter(([, value]) => isHandsOnResult(value))) as Record<string, HandsOnResult>;
}

/** Keeps a check's result when it is the part's best so far (a later, worse attempt does not undo a pass). */
export function recordHandsOnResult(id: string, result: HandsOnResult): void {
	const results = readHandsOnResults();
	const best = results[id];
	if (best && best.passed / best.total >= result.passed / result.total) return;
	writeStored(handsOnResultsKey, { ...results, [id]: result });
}

/** "/ko/foundations/what-is-kafka/" → "foundations/what-is-kafka" */
function lessonKeyFromPath(pathname: string): string {
	return pathname.split('/').filter(Boolean).slice(1).join('/');
}

/** Puts a check mark (and a screen-reader "done") on the sidebar links of finished lessons. */
export function showProgressInSidebar(done: ReadonlySet<string> = readDoneLessons()): void {
	for (const outline of document.querySelectorAll<HTMLElement>('[data-course-outline]')) {
		const doneLabel = outline.dataset['doneLabel'] ?? '';
		for (const link of outline.querySelectorAll<HTMLAnchorElement>('a[href]')) {
			const isDone = done.has(lessonKeyFromPath(new URL(link.href).pathname));
			link.toggleAttribute('data-done', isDone);
			const marker = link.querySelector('.course-done-label');
			if (isDone && !marker) link.insertAdjacentHTML('beforeend', `<span class="course-done-label sr-only"></span>`);
			if (!isDone) marker?.remove();
			link.querySelector('.course-done-label')?.replaceChildren(doneLabel);
		}
	}
}

/** Records whether a lesson is done, and shows it on the page's toggle and in the outline. */
export function setLessonDone(lesson: string, isDone: boolean): void {
	const done = readDoneLessons();
	if (isDone) done.add(lesson);
	else done.delete(lesson);
	writeDoneLessons(done);
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lesson-done]')) {
		if (button.dataset['lessonDone'] === lesson) button.setAttribute('aria-pressed', String(isDone));
	}
	showProgressInSidebar(done);
}

/** Wires the "I've finished this lesson" buttons: pressed state from storage, click to toggle. */
export function wireLessonDoneToggles(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lesson-done]')) {
		const lesson = button.dataset['lessonDone'] ?? '';
		button.setAttribute('aria-pressed', String(readDoneLessons().has(lesson)));
		button.addEventListener('click', () => setLessonDone(lesson, !readDoneLessons().has(lesson)));
	}
}
