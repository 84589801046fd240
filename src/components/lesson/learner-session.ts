/**
 * The browser's learner session: one token per browser, from the sandbox (sandbox/server/learner-sessions.ts),
 * kept in localStorage so a reload finds the same cluster, runs and shells. Labs and terminals share it.
 */

import { apiError } from './api-error.ts';

const TOKEN_KEY = 'kafka-course:learner-session';

/** The saved token, if this browser has one: what only looks (the live cluster view) never asks for a session. */
export function savedLearnerToken(): string | undefined {
	return localStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** The saved token, or a new one when there is none or `renew` says the server no longer knows it (it restarted). */
export async function learnerToken(renew = false): Promise<string> {
	const saved = localStorage.getItem(TOKEN_KEY);
	if (saved && !renew) return saved;
	const response = await fetch('/api/labs/session', { method: 'POST' });
	if (!response.ok) throw await apiError(response); // rate limited (429) or the server full (503): said in both languages
	const { token } = (await response.json()) as { token: string };
	localStorage.setItem(TOKEN_KEY, token);
	return token;
}
