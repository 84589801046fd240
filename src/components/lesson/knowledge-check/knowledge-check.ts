/*
 * Makes the knowledge checks on the page answerable: a learner picks a choice and presses the button;
 * the feedback says whether it is right and why (the reason written under the question). Answers are
 * kept with the lesson's progress, and answering every question marks the lesson done. The page
 * carries every word in its language as data attributes, so this script holds no text of its own.
 */
import { readAnsweredQuestions, recordAnsweredQuestion, setLessonDone } from '../../progress/progress.ts';

export function wireKnowledgeChecks(): void {
	for (const check of document.querySelectorAll<HTMLElement>('[data-knowledge-check]')) {
		const lesson = check.dataset['knowledgeCheck'] ?? '';
		const questions = [...check.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
		const answered = readAnsweredQuestions(lesson);
		const showProgress = () => showCheckProgress(check, questions);
		for (const question of questions) {
			wireQuestion(question, () => {
				recordAnsweredQuestion(lesson, Number(question.dataset['question']));
				showProgress();
				// Answering the last question finishes the lesson; the learner can still unmark it.
				if (questions.every((each) => each.hasAttribute('data-answered'))) setLessonDone(lesson, true);
			});
			if (answered.has(Number(question.dataset['question']))) showAnswered(question);
		}
		showProgress();
	}
}

function part<T extends HTMLElement = HTMLElement>(question: HTMLElement, name: string): T | null {
	return question.querySelector<T>(`[data-part="${name}"]`);
}

function wireQuestion(question: HTMLFieldSetElement, onAnswered: () => void): void {
	const button = part<HTMLButtonElement>(question, 'answer');
	// With the script running, reasons show one at a time as feedback instead of all at once.
	part(question, 'reasons')?.setAttribute('hidden', '');
	if (question.dataset['kind'] === 'predict') part(question, 'run')?.setAttribute('hidden', '');
	if (!button) return;
	button.hidden = false;
	button.addEventListener('click', () => {
		const chosen = question.querySelector<HTMLInputElement>('input[type="radio"]:checked');
		if (!chosen) {
			showFeedback(question, undefined, [paragraph(question.dataset['chooseFirst'] ?? '')]);
			return;
		}
		const right = chosen.value === question.dataset['correctChoice'];
		const verdict = paragraph(question.dataset[right ? 'correct' : 'wrong'] ?? '');
		if (question.dataset['kind'] === 'predict') {
			// A prediction is committed once, right or wrong: then the learner runs it and reads why.
			showFeedback(question, right ? 'right' : 'wrong', [verdict, reason(question, question.dataset['correctChoice'])]);
			finish(question);
			onAnswered();
		} else if (right) {
			showFeedback(question, 'right', [verdict, reason(question, chosen.value)]);
			finish(question);
			onAnswered();
		} else {
			showFeedback(question, 'wrong', [verdict, reason(question, chosen.value)]);
		}
	});
}

/** A question answered before (this visit or an earlier one): the right answer chosen, its reason shown. */
function showAnswered(question: HTMLFieldSetElement): void {
	const correct = question.querySelector<HTMLInputElement>(`input[value="${question.dataset['correctChoice']}"]`);
	if (correct) correct.checked = true;
	showFeedback(question, 'right', [reason(question, question.dataset['correctChoice'])]);
	finish(question);
}

function finish(question: HTMLFieldSetElement): void {
	question.toggleAttribute('data-answered', true);
	for (const input of question.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
		input.disabled = true;
		input.closest('label')?.toggleAttribute('data-right', input.value === question.dataset['correctChoice']);
	}
	const button = part<HTMLButtonElement>(question, 'answer');
	if (button) button.hidden = true;
	part(question, 'done')?.removeAttribute('hidden');
	part(question, 'run')?.removeAttribute('hidden');
}

function showFeedback(question: HTMLElement, result: 'right' | 'wrong' | undefined, content: readonly Node[]): void {
	const feedback = part(question, 'feedback');
	if (!feedback) return;
	if (result) feedback.dataset['result'] = result;
	else delete feedback.dataset['result'];
	feedback.replaceChildren(...content);
}

/** The reason written for one choice, as a paragraph (its code spans kept). */
function reason(question: HTMLElement, choice: string | undefined): Node {
	const written = question.querySelector(`[data-reason="${choice}"] [data-why]`);
	const text = document.createElement('p');
	if (written) text.append(...[...written.childNodes].map((node) => node.cloneNode(true)));
	return text;
}

function paragraph(text: string): Node {
	const element = document.createElement('p');
	element.textContent = text;
	return element;
}

function showCheckProgress(check: HTMLElement, questions: readonly HTMLElement[]): void {
	const progress = part(check, 'progress');
	if (!progress) return;
	const answered = questions.filter((question) => question.hasAttribute('data-answered')).length;
	const template = check.dataset[answered === questions.length ? 'allAnswered' : 'progress'] ?? '';
	progress.textContent = template.replace('{answered}', String(answered)).replace('{total}', String(questions.length));
	progress.hidden = false;
}
