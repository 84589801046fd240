/**
 * One lab on a page: the editor (edits kept in localStorage), Run / Reset / Solution, the streamed
 * output and the check results, in the page's language. Loaded only on pages that embed a lab.
 */
import type { EditorView } from '@codemirror/view';
import { errorText } from '../api-error.ts';
import { clearProblems, createEditor, replaceDoc, showProblems } from './code-editor.ts';
import { fetchSolution, runOnServer, type CheckResult, type LabStreamEvent } from './lab-client.ts';
import type { LabStrings } from './lab-strings.ts';
import { recordHandsOnResult } from '../../progress/progress.ts';

type Locale = 'ko' | 'en';

export function mountLab(root: HTMLElement, strings: LabStrings): void {
	const labId = root.dataset['labId']!;
	const locale = (root.dataset['locale'] ?? 'ko') as Locale;
	const storageKey = `kafka-course:lab:${labId}:code`;
	const attemptedKey = `kafka-course:lab:${labId}:attempted`;
	const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-part="${name}"]`)!;
	const starter = part('starter').textContent ?? '';
	const runButton = part<HTMLButtonElement>('run');
	const solutionButton = part<HTMLButtonElement>('solution');
	const status = part('status');
	const output = part('output');
	const checks = part('checks');

	part('starter').hidden = true;
	const editor: EditorView = createEditor({
		parent: part('editor'),
		doc: localStorage.getItem(storageKey) ?? starter,
		label: root.dataset['title'] ?? labId,
		describedBy: part('keys').id,
		onRun: () => void run(),
		onChange: (doc) => (doc === starter ? localStorage.removeItem(storageKey) : localStorage.setItem(storageKey, doc)),
	});
	const unlockSolution = () => {
		solutionButton.disabled = false;
		solutionButton.title = '';
	};
	if (localStorage.getItem(attemptedKey)) unlockSolution();

	let current: AbortController | undefined;
	async function run(): Promise<void> {
		current?.abort(); // the server cancels the previous run too; this just stops listening to it
		const abort = new AbortController();
		current = abort;
		clearProblems(editor);
		output.replaceChildren();
		output.hidden = false;
		checks.replaceChildren();
		checks.hidden = true;
		try {
			await runOnServer(labId, editor.state.doc.toString(), (event) => current === abort && show(event), abort.signal);
			localStorage.setItem(attemptedKey, '1');
			unlockSolution();
		} catch (error) {
			if (abort.signal.aborted) return;
			const unreachable = error instanceof TypeError; // fetch's network error: no sandbox server behind the site
			status.textContent = unreachable ? strings.unavailable : `${strings.failedRun}: ${errorText(error, locale)}`;
		}
	}

	function show(event: LabStreamEvent): void {
		switch (event.type) {
			case 'phase':
				status.textContent = strings[event.phase];
				break;
			case 'output':
				appendOutput(event.text, event.stream);
				break;
			case 'compile-error': {
				// The sandbox's own rules come in both languages; the compiler's syntax errors in English only.
				const problems = event.problems.map((p) => ({ ...p, message: p.localized?.[locale] ?? p.message }));
				showProblems(editor, problems);
				status.textContent = strings.compileError;
				for (const p of problems) appendOutput(`${p.line}:${p.column} ${p.message}\n`, 'stderr');
				break;
			}
			case 'exit':
				status.textContent = event.message[locale];
				break;
			case 'checks':
				renderChecks(event.results);
				break;
			case 'scenario-problem':
				appendOutput(`${event.message[locale]}\n`, 'stderr');
				break;
			case 'error':
				status.textContent = `${strings.failedRun}: ${event.message}`;
				break;
		}
	}

	function appendOutput(text: string, stream: 'stdout' | 'stderr'): void {
		const span = document.createElement('span');
		span.textContent = text;
		if (stream === 'stderr') span.className = 'lab__stderr';
		output.append(span);
		output.scrollTop = output.scrollHeight;
	}

	function renderChecks(results: CheckResult[]): void {
		recordHandsOnResult(labId, { passed: results.filter((r) => r.passed).length, total: results.length });
		const earned = results.reduce((sum, r) => sum + r.earned, 0);
		const total = results.reduce((sum, r) => sum + r.points, 0);
		const heading = document.createElement('p');
		heading.className = 'lab__score';
		heading.textContent = `${strings.checks}: ${strings.score(earned, total)}`;
		const items = results.map((result) => {
			const item = document.createElement('li');
			item.className = result.passed ? 'lab__check lab__check--passed' : 'lab__check lab__check--failed';
			item.dataset['checkId'] = result.id;
			const title = document.createElement('strong');
			title.textContent = `${result.passed ? '✓' : '✗'} ${result.title[locale]} (${result.passed ? strings.passed : strings.failed})`;
			item.append(title);
			const detail = (text: string | undefined, className: string) => {
				if (!text) return;
				const line = document.createElement('p');
				line.className = className;
				line.textContent = text;
				item.append(line);
			};
			// After a pass the learner sees how the cluster proved it; before, the hint (verifies would give the check away).
			if (result.passed) detail(`${strings.verified}: ${result.verifies[locale]}`, 'lab__verified');
			if (!result.passed) {
				detail(result.message?.[locale], 'lab__message');
				if (result.expected !== undefined) detail(`${strings.expected}: ${result.expected}`, 'lab__expected');
				if (result.actual !== undefined) detail(`${strings.actual}: ${result.actual}`, 'lab__actual');
				detail(`${strings.hint}: ${result.hint[locale]}`, 'lab__hint');
			}
			return item;
		});
		const list = document.createElement('ol');
		list.append(...items);
		checks.replaceChildren(heading, list);
		checks.hidden = false;
	}

	runButton.addEventListener('click', () => void run());
	part('reset').addEventListener('click', () => {
		if (editor.state.doc.toString() !== starter && !confirm(strings.resetConfirm)) return;
		replaceDoc(editor, starter);
	});

	let solutionView: EditorView | undefined;
	solutionButton.addEventListener('click', async () => {
		const pane = part('solution-pane');
		if (!pane.hidden) {
			pane.hidden = true;
			solutionButton.textContent = strings.showSolution;
			return;
		}
		try {
			solutionView ??= createEditor({ parent: part('solution-editor'), doc: await fetchSolution(labId), label: strings.solutionTitle, readOnly: true });
			pane.hidden = false;
			solutionButton.textContent = strings.hideSolution;
		} catch (error) {
			status.textContent = `${strings.failedRun}: ${errorText(error, locale)}`;
		}
	});
}
