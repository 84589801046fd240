/**
 * The browser's side of a terminal exercise: an xterm.js terminal attached over the WebSocket to the
 * learner's shell (sandbox/terminal/terminal-socket.ts), plus the reset, switch-cluster, step action and check buttons.
 */
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { ExerciseCheckResult } from '../../../../sandbox/terminal/exercise-grader.ts';
import type { ClientMessage, ServerMessage } from '../../../../sandbox/terminal/protocol.ts';
import { errorText } from '../api-error.ts';
import { learnerToken } from '../learner-session.ts';
import type { TerminalStrings } from './terminal-strings.ts';
import { recordHandsOnResult } from '../../progress/progress.ts';

const INPUT_FRAME_BYTES = 16 * 1024;

export function mountTerminalExercise(root: HTMLElement, strings: TerminalStrings): void {
	const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-part="${name}"]`)!;
	const exerciseId = root.dataset['exerciseId']!;
	const locale = root.dataset['locale'] === 'en' ? 'en' : 'ko';
	const status = part('status');
	const connectButton = part<HTMLButtonElement>('connect');
	// Set while this exercise's shell is meant to be open; a cluster starts only when the learner asks.
	const openKey = `kafka-course:terminal-open:${exerciseId}`;
	// A line height above 1 keeps underscores from being clipped at the bottom of their cells.
	const term = new Terminal({ cursorBlink: true, fontSize: 14, lineHeight: 1.2, scrollback: 5000, convertEol: false });
	const fit = new FitAddon();
	term.loadAddon(fit);
	term.loadAddon(new WebLinksAddon());
	term.open(part('screen'));
	// Mid-layout (a collapsed section, a full-page screenshot, printing) the box can measure a few columns
	// wide. Passing that on would make bash's readline redraw its prompt for 2 columns and erase the lines
	// above it when the width comes back, so such sizes are ignored.
	const refit = () => {
		const size = fit.proposeDimensions();
		if (size && size.cols >= 20 && size.rows >= 5) fit.fit();
	};
	refit();

	// Tab belongs to the shell (completion), so the way out is the editor's: Esc, then Tab or Shift+Tab within
	// 2 s, leaves to the browser's focus order (Esc itself still reaches the shell).
	const LEAVE_WINDOW_MS = 2000;
	let leaveUntil = 0;
	term.textarea?.setAttribute('aria-describedby', part('keys').id);
	// Ctrl+C copies when text is selected (and interrupts otherwise); Ctrl+Shift+C/V work as in desktop terminals.
	term.attachCustomKeyEventHandler((event) => {
		if (event.type !== 'keydown') return true;
		if (event.key === 'Escape') leaveUntil = Date.now() + LEAVE_WINDOW_MS;
		else if (event.key === 'Tab' && Date.now() <= leaveUntil) return false;
		else if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) leaveUntil = 0;
		if (!event.ctrlKey) return true;
		const key = event.key.toLowerCase();
		if (key === 'c' && (event.shiftKey || term.hasSelection())) {
			void navigator.clipboard?.writeText(term.getSelection());
			return false;
		}
		if (key === 'v' && event.shiftKey) return false; // the browser's paste event delivers the text
		return true;
	});

	let socket: WebSocket | undefined;
	let renewToken = false;
	const encoder = new TextEncoder();
	const send = (message: ClientMessage) => socket?.readyState === WebSocket.OPEN && socket.send(JSON.stringify(message));
	const sendSize = () => send({ type: 'resize', cols: term.cols, rows: term.rows });

	term.onData((data) => {
		if (socket?.readyState !== WebSocket.OPEN) return;
		// The server takes frames of up to 64 kB: a long paste goes over in pieces.
		const bytes = encoder.encode(data);
		for (let start = 0; start < bytes.length; start += INPUT_FRAME_BYTES) socket.send(bytes.subarray(start, start + INPUT_FRAME_BYTES));
	});
	term.onResize(sendSize);
	new ResizeObserver(refit).observe(part('screen'));

	async function connect(): Promise<void> {
		connectButton.hidden = true;
		localStorage.setItem(openKey, '1');
		status.textContent = strings.connecting;
		const token = await learnerToken(renewToken);
		const url = new URL('/api/terminal', location.href);
		url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		url.search = new URLSearchParams({ exercise: exerciseId, token, lang: locale }).toString();
		const ws = new WebSocket(url);
		ws.binaryType = 'arraybuffer';
		socket = ws;
		let opened = false;
		ws.onopen = () => {
			opened = true;
			renewToken = false;
		};
		ws.onmessage = (event) => {
			if (event.data instanceof ArrayBuffer) term.write(new Uint8Array(event.data));
			else handle(JSON.parse(String(event.data)) as ServerMessage);
		};
		ws.onclose = (event) => {
			if (socket !== ws) return;
			if (!opened) renewToken = true; // refused: most likely a token from before a server restart
			if (event.code === 4000 || event.code === 4001) return; // replaced by another page, or ended: the learner decides
			if (event.code === 1011) {
				// The sandbox could not start (Docker down, say): its error stays on screen; retry on request.
				connectButton.textContent = strings.reconnect;
				connectButton.hidden = false;
				return;
			}
			status.textContent = strings.disconnected;
			setTimeout(() => void connect(), 2000);
		};
	}

	function handle(message: ServerMessage): void {
		switch (message.type) {
			case 'ready':
				// What follows is the whole screen (a new shell's greeting, or the replayed scrollback): start blank.
				term.reset();
				status.textContent = strings.connected(message.host, message.nodes);
				root.dataset['nodes'] = String(message.nodes);
				sendSize();
				term.focus();
				break;
			case 'resetting':
				status.textContent = strings.resetting;
				break;
			case 'checking':
				status.textContent = strings.checking;
				break;
			case 'acting':
				status.textContent = strings.acting;
				break;
			case 'acted':
				status.textContent = message.message;
				break;
			case 'results':
				showResults(message.results);
				status.textContent = strings.score(message.results.filter((r) => r.status === 'passed').length, message.results.length);
				break;
			case 'ended':
				status.textContent = strings.ended;
				localStorage.removeItem(openKey);
				connectButton.textContent = strings.reconnect;
				connectButton.hidden = false;
				break;
			case 'error':
				status.textContent = message.hint ? `${message.message} — ${message.hint}` : message.message;
				break;
		}
	}

	function showResults(results: ExerciseCheckResult[]): void {
		recordHandsOnResult(exerciseId, { passed: results.filter((r) => r.status === 'passed').length, total: results.length });
		const list = part('results');
		list.replaceChildren(
			...results.map((result) => {
				const item = document.createElement('li');
				item.className = `terminal-exercise__result is-${result.status}`;
				item.dataset['checkId'] = result.id;
				const title = document.createElement('strong');
				title.textContent = `${strings[result.status]} · ${result.title[locale]}`;
				item.append(title);
				for (const text of [result.message?.[locale], result.status === 'failed' ? result.hint[locale] : undefined]) {
					if (!text) continue;
					const line = document.createElement('p');
					line.textContent = text;
					item.append(line);
				}
				// After a pass, how it was proven: the learner sees what the grader read, not only that it passed.
				if (result.status === 'passed') {
					const verified = document.createElement('p');
					verified.className = 'terminal-exercise__detail terminal-exercise__verifies';
					verified.textContent = `${strings.verified}: ${result.verifies[locale]}`;
					item.append(verified);
				}
				if (result.expected || result.actual) {
					const detail = document.createElement('p');
					detail.className = 'terminal-exercise__detail';
					detail.textContent = [result.expected && `${strings.expected}: ${result.expected}`, result.actual && `${strings.actual}: ${result.actual}`].filter(Boolean).join(' · ');
					item.append(detail);
				}
				return item;
			}),
		);
		list.hidden = false;
	}

	part('reset').addEventListener('click', () => send({ type: 'reset' }));
	connectButton.addEventListener('click', () => start());
	connectButton.disabled = false; // rendered disabled: a click before this script ran would do nothing
	for (const button of root.querySelectorAll<HTMLButtonElement>('[data-switch-step]')) {
		button.addEventListener('click', () => send({ type: 'reset', step: button.dataset['switchStep'] }));
	}
	for (const button of root.querySelectorAll<HTMLButtonElement>('[data-step-action]')) {
		button.addEventListener('click', () => send({ type: 'action', step: button.dataset['stepAction']! }));
	}
	part('check').addEventListener('click', () => {
		const answers: Record<string, string> = {};
		for (const input of root.querySelectorAll<HTMLInputElement>('input[data-answer-id]')) answers[input.dataset['answerId']!] = input.value;
		send({ type: 'check', answers });
	});
	function start(): void {
		void connect().catch((error: unknown) => {
			status.textContent = errorText(error, locale);
			connectButton.hidden = false;
		});
	}
	// A shell the learner started before this reload is still there: reattach to it and its scrollback.
	if (localStorage.getItem(openKey)) start();
}
