import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Titles of every result once the search page has settled, "show more" clicked through. */
export async function resultTitles(page: Page): Promise<string[]> {
  const status = page.locator('#search-status');
  await page.locator('#results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^(No|[\d,]+) results? for/);
  const total = Number((await status.textContent())!.match(/^[\d,]+/)?.[0].replace(/,/g, '') ?? 0);
  const titles = page.locator('.result > h3');
  for (let shown = await titles.count(); shown < total; shown = await titles.count()) {
    await page.locator('#more-results').click();
    // A page of results loads its fragments first: on a busy machine that takes more than poll's default second.
    await expect.poll(() => titles.count(), { timeout: 15_000 }).toBeGreaterThan(shown);
  }
  expect(await titles.count()).toBe(total);
  return (await titles.allTextContents()).map((title) => title.trim());
}
