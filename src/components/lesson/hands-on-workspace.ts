/**
 * A hands-on part's workspace: focus mode widens it to the window (Esc or the button leave it), and in
 * focus mode on a wide screen its two panes (the steps or the code, and the terminal or the output) sit
 * side by side with a divider that the pointer drags and the arrow keys move. The terminal refits itself
 * when its pane changes size.
 */
const MIN_GUIDE_PERCENT = 20;
const MAX_GUIDE_PERCENT = 75;
const KEY_STEP_PERCENT = 5;

export function wireWorkspaces(): void {
	for (const frame of document.querySelectorAll<HTMLElement>('.hands-on[data-workspace]')) wireWorkspace(frame);
}

function wireWorkspace(frame: HTMLElement): void {
	const button = frame.querySelector<HTMLButtonElement>('[data-part="focus"]');
	const divider = frame.querySelector<HTMLElement>('[data-part="divider"]');
	const panes = frame.querySelector<HTMLElement>('.hands-on__panes');
	if (!button || !divider || !panes) return;

	const setFocus = (on: boolean) => {
		// The browser's top layer (a manual popover) puts the part above everything on the page, whatever
		// stacking the theme's header and sidebars make.
		if (on) {
			frame.setAttribute('popover', 'manual');
			frame.showPopover();
		} else if (frame.hasAttribute('popover')) {
			frame.hidePopover();
			frame.removeAttribute('popover');
		}
		frame.classList.toggle('hands-on--focus', on);
		document.documentElement.classList.toggle('hands-on-focus-open', on);
		button.setAttribute('aria-pressed', String(on));
		button.textContent = on ? (button.dataset['leave'] ?? '') : (button.dataset['enter'] ?? '');
		if (!on) button.focus();
	};
	button.addEventListener('click', () => setFocus(!frame.classList.contains('hands-on--focus')));
	frame.addEventListener('keydown', (event) => {
		// In the terminal and the editor, Esc belongs to them (and starts "Esc, then Tab" to move out).
		const inWorkArea = event.target instanceof Element && event.target.closest('.xterm, .cm-editor') !== null;
		if (event.key === 'Escape' && !inWorkArea && frame.classList.contains('hands-on--focus')) setFocus(false);
	});

	const setGuideWidth = (percent: number) => {
		const clamped = Math.round(Math.min(MAX_GUIDE_PERCENT, Math.max(MIN_GUIDE_PERCENT, percent)));
		panes.style.setProperty('--guide-width', `${clamped}%`);
		divider.setAttribute('aria-valuenow', String(clamped));
	};
	divider.addEventListener('keydown', (event) => {
		const now = Number(divider.getAttribute('aria-valuenow'));
		if (event.key === 'ArrowLeft') setGuideWidth(now - KEY_STEP_PERCENT);
		else if (event.key === 'ArrowRight') setGuideWidth(now + KEY_STEP_PERCENT);
		else return;
		event.preventDefault();
	});
	divider.addEventListener('pointerdown', (event) => {
		divider.setPointerCapture(event.pointerId);
		const move = (moved: PointerEvent) => {
			const box = panes.getBoundingClientRect();
			setGuideWidth(((moved.clientX - box.left) / box.width) * 100);
		};
		divider.addEventListener('pointermove', move);
		divider.addEventListener('pointerup', () => divider.removeEventListener('pointermove', move), { once: true });
	});
}
