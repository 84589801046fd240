import type { Page } from 'playwright-core';

/** Records a page's console errors (Chromium reports each content-security-policy violation as one) and uncaught exceptions. */
export function watchForProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}
