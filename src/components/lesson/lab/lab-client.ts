/** The browser's side of the lab API (sandbox/server/lab-api.ts): a session token per browser, runs streamed as NDJSON. */

// The server's own types, so the page and the sandbox cannot drift apart.
import type { CheckResult } from '../../../../sandbox/checks/run-checks.ts';
import type { LabStreamEvent } from '../../../../sandbox/server/lab-api.ts';
import { apiError } from '../api-error.ts';
import { learnerToken } from '../learner-session.ts';

export type { CheckResult, LabStreamEvent };

/** Runs the source and calls onEvent for each event as it arrives; a server restart (unknown token) gets a new session. */
export async function runOnServer(labId: string, source: string, onEvent: (event: LabStreamEvent) => void, signal: AbortSignal): Promise<void> {
	const post = async (token: string) =>
		fetch('/api/labs/run', { method: 'POST', body: JSON.stringify({ token, labId, source }), headers: { 'Content-Type': 'application/json' }, signal });
	let response = await post(await learnerToken());
	if (response.status === 401) response = await post(await learnerToken(true));
	if (!response.ok || !response.body) throw await apiError(response);
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffered = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		buffered += value;
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as LabStreamEvent);
	}
}

export async function fetchSolution(labId: string): Promise<string> {
	const response = await fetch(`/api/labs/solution?lab=${encodeURIComponent(labId)}&token=${encodeURIComponent(await learnerToken())}`);
	if (!response.ok) throw await apiError(response);
	return ((await response.json()) as { solution: string }).solution;
}
