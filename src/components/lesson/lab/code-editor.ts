/** A CodeMirror 6 editor for TypeScript, themed with Starlight's colours so it reads well in light and dark mode. */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const highlight = HighlightStyle.define([
	{ tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword], color: 'var(--sl-color-purple-high)' },
	{ tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--sl-color-green-high)' },
	{ tag: [tags.number, tags.bool, tags.null], color: 'var(--sl-color-orange-high)' },
	{ tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--sl-color-blue-high)' },
	{ tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--sl-color-accent-high)' },
	{ tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--sl-color-gray-3)', fontStyle: 'italic' },
]);

const theme = EditorView.theme({
	'&': { color: 'var(--sl-color-white)', backgroundColor: 'var(--sl-color-gray-6)', fontSize: '0.875rem' },
	'.cm-content': { fontFamily: 'var(--__sl-font-mono)', caretColor: 'var(--sl-color-white)' },
	// gray-2, not gray-3: line numbers keep a 4.5:1 contrast in the dark theme too.
	'.cm-gutters': { backgroundColor: 'var(--sl-color-gray-6)', color: 'var(--sl-color-gray-2)', border: 'none' },
	'.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--sl-color-gray-5) 45%, transparent)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--sl-color-accent) 35%, transparent) !important' },
	'.cm-scroller': { maxHeight: '32rem', overflow: 'auto' },
});

export function createEditor(options: { parent: HTMLElement; doc: string; label: string; describedBy?: string; readOnly?: boolean; onRun?: () => void; onChange?: (doc: string) => void }): EditorView {
	const extensions: Extension[] = [
		lineNumbers(),
		highlightActiveLineGutter(),
		highlightActiveLine(),
		drawSelection(),
		bracketMatching(),
		syntaxHighlighting(highlight),
		javascript({ typescript: true }),
		theme,
		// tabindex: a read-only editor still takes focus, so its code can be scrolled and selected from the
		// keyboard, and the scrolling area declares its focusable content for assistive tools.
		EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0', ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}) }),
	];
	if (options.readOnly) extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
	else {
		extensions.push(
			history(),
			indentOnInput(),
			lintGutter(),
			keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun?.(), true) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
			EditorView.updateListener.of((update) => {
				if (update.docChanged) options.onChange?.(update.state.doc.toString());
			}),
		);
	}
	return new EditorView({ parent: options.parent, state: EditorState.create({ doc: options.doc, extensions }) });
}

/** Marks compile problems (1-based line and column) in the editor and moves the cursor to the first. */
export function showProblems(view: EditorView, problems: Array<{ line: number; column: number; message: string }>): void {
	const { doc } = view.state;
	const diagnostics: Diagnostic[] = problems.map((problem) => {
		const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
		const from = Math.min(line.from + problem.column - 1, line.to);
		return { from, to: Math.min(from + 1, line.to), severity: 'error', message: problem.message };
	});
	view.dispatch(setDiagnostics(view.state, diagnostics));
	const first = diagnostics[0];
	if (first) view.dispatch({ selection: { anchor: first.from }, scrollIntoView: true });
}

export function clearProblems(view: EditorView): void {
	view.dispatch(setDiagnostics(view.state, []));
}

export function replaceDoc(view: EditorView, doc: string): void {
	view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });
}
