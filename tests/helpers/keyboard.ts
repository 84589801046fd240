import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** A short description of the focused element, for failure messages. */
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '(nothing)';
    const part = element.getAttribute('data-part') ?? element.className;
    return `${element.tagName.toLowerCase()}${part ? `[${String(part).slice(0, 40)}]` : ''} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
  });

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, as a keyboard user moves through a
 * page; fails, listing where the focus went, if it takes more than `maxPresses`.
 */
export async function tabTo(page: Page, selector: string, { backwards = false, maxPresses = 40 } = {}): Promise<void> {
  const visited: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await focusIsOn(page, selector)) return;
    visited.push(await describeFocus(page));
  }
  assert.fail(`${maxPresses} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${selector}; the focus went: ${visited.join(' → ')}`);
}

/** Whether the focused element matches `selector`. */
export function focusIsOn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);
}
