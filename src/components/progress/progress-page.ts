/** Fills the progress page's outline with what this browser remembers: lessons done, questions answered, best results. */
import { readAnsweredQuestions, readDoneLessons, readHandsOnResults } from './progress.ts';

export function fillProgressPage(): void {
	const page = document.querySelector<HTMLElement>('[data-course-progress]');
	if (!page) return;
	const text = (name: string) => page.dataset[name] ?? '';
	const done = readDoneLessons();
	const results = readHandsOnResults();
	for (const row of page.querySelectorAll<HTMLElement>('tr[data-lesson]')) {
		const lesson = row.dataset['lesson'] ?? '';
		const cell = (name: string) => row.querySelector<HTMLElement>(`[data-part="${name}"]`);
		cell('done')?.replaceChildren(done.has(lesson) ? `✓ ${text('done')}` : text('notDone'));
		const questions = Number(row.dataset['questions'] ?? 0);
		const answered = Math.min(readAnsweredQuestions(lesson).size, questions);
		cell('answered')?.replaceChildren(text('answered').replace('{answered}', String(answered)).replace('{total}', String(questions)));
		for (const item of row.querySelectorAll<HTMLElement>('[data-hands-on]')) {
			const best = results[item.dataset['handsOn'] ?? ''];
			const shown = best ? text('best').replace('{passed}', String(best.passed)).replace('{total}', String(best.total)) : text('notTried');
			item.querySelector('[data-part="best"]')?.replaceChildren(best && best.passed === best.total ? `✓ ${shown}` : shown);
		}
	}
}
