import { chromium, type Browser, type Page, type Request, type Response } from 'playwright-core';

/** Debian's chromium, headless, with nothing of its own reaching the network (no browser can be downloaded here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const NETWORK_CHANGED = 'net::ERR_NETWORK_CHANGED';
const ATTEMPTS = 3;

/**
 * Opens a URL (or reloads the page) and waits for its load, again when Chromium aborted any of its loads
 * because the host's network interfaces changed: it does so whenever Docker adds or removes a network or a
 * container's interface, which the sandbox does while pages are open (a cluster starts, a program's
 * container comes and goes). Such a load says nothing about the page.
 */
export async function openPage(page: Page, url?: string): Promise<Response | null> {
  for (let attempt = 1; ; attempt++) {
    let aborted = false;
    const onFailed = (request: Request) => {
      if (request.failure()?.errorText.includes(NETWORK_CHANGED)) aborted = true;
    };
    page.on('requestfailed', onFailed);
    try {
      const response = await (url === undefined ? page.reload() : page.goto(url)).catch((error: unknown) => {
        if (String(error).includes(NETWORK_CHANGED) && attempt < ATTEMPTS) return undefined;
        throw error;
      });
      if (response !== undefined && (!aborted || attempt === ATTEMPTS)) return response;
    } finally {
      page.off('requestfailed', onFailed);
    }
  }
}
