/** The course server's error answers (sandbox/server/refusals.ts), shown to the learner in the page's language. */
import type { ErrorBody, LocalizedText } from '../../../sandbox/server/refusals.ts';

export class ApiError extends Error {
	readonly status: number;
	readonly text: LocalizedText;

	constructor(status: number, text: LocalizedText) {
		super(text.en);
		this.name = 'ApiError';
		this.status = status;
		this.text = text;
	}
}

/** The error a failed response carries; its plain text in both languages when it is not the server's JSON. */
export async function apiError(response: Response): Promise<ApiError> {
	const body = await response.text();
	try {
		const { message } = JSON.parse(body) as ErrorBody;
		if (typeof message?.ko === 'string' && typeof message.en === 'string') return new ApiError(response.status, message);
	} catch {
		// not the server's JSON (a proxy's page, say): show what came
	}
	const text = `HTTP ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
	return new ApiError(response.status, { ko: text, en: text });
}

/** What to tell the learner about an error, in the page's language. */
export function errorText(error: unknown, locale: 'ko' | 'en'): string {
	if (error instanceof ApiError) return error.text[locale];
	return error instanceof Error ? error.message : String(error);
}
