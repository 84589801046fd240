import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, headless, with nothing of its own reaching the network (no browser can be downloaded here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
