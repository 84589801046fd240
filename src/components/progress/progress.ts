/*
 * Self-study progress: which lessons the learner marked done, kept in this browser's localStorage.
 * A lesson is keyed by "<module>/<lesson>", so marking it in one language marks it in both.
 */

const storageKey = 'kafka-course:done-lessons';

function readDoneLessons(): Set<string> {
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
		return new Set(Array.isArray(stored) ? stored.filter((item) => typeof item === 'string') : []);
	} catch {
		return new Set(); // storage disabled or corrupted: start empty rather than break the page
	}
}

function writeDoneLessons(done: ReadonlySet<string>): void {
	try {
		localStorage.setItem(storageKey, JSON.stringify([...done]));
	} catch {
		// storage disabled: the toggle still works for this page view
	}
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

/** Wires the "I've finished this lesson" buttons: pressed state from storage, click to toggle. */
export function wireLessonDoneToggles(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lesson-done]')) {
		const lesson = button.dataset['lessonDone'] ?? '';
		button.setAttribute('aria-pressed', String(readDoneLessons().has(lesson)));
		button.addEventListener('click', () => {
			const done = readDoneLessons();
			if (done.has(lesson)) done.delete(lesson);
			else done.add(lesson);
			writeDoneLessons(done);
			button.setAttribute('aria-pressed', String(done.has(lesson)));
			showProgressInSidebar(done);
		});
	}
}
