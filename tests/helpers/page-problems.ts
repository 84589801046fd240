import type { Page } from 'playwright-core';

/**
 * Records a page's console errors (Chromium reports each content-security-policy violation as one) and
 * uncaught exceptions. Left out: loads Chromium aborted because the host's network interfaces changed,
 * which happens whenever another test creates a cluster's Docker network; that is not the page's doing.
 */
export function watchForProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.text().includes('net::ERR_NETWORK_CHANGED')) return;
    problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}
