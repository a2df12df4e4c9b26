import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Every page of a built site, minus the thousands of look-alike pages the oversized fixtures make. */
async function htmlPages(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true });
  return files.filter((file) => file.endsWith('.html') && !/^articles\/(tiny-entry|big-file-capture)-|^archive\/undated\/\d{2,}\//.test(file));
}

describe('html-validate (recommended rules)', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

  it.each([
    ['the real seeds', 'siteDir'],
    ['the hostile seeds', 'hostileDir'],
  ] as const)('passes on every page built from %s', async (_, key) => {
    const dir = inject(key);
    const pages = await htmlPages(dir);
    expect(pages.length).toBeGreaterThan(50);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(await readFile(join(dir, page), 'utf8'), page);
      for (const result of report.results) for (const message of result.messages) errors.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });
});

describe('axe-core in Chromium', () => {
  const pageTypes = {
    home: '/',
    'article with body': '/articles/war-crime-62-syrian-forces-killed-in-us-led-coalition-in-deir-ezzor/',
    'excerpt article': '/articles/yankees-in-syria/',
    tag: '/tags/assad/',
    topics: '/topics/',
    topic: '/topics/deir-ez-zor/',
    source: '/sources/press-tv/',
    'source with a timeline': '/sources/eva-bartlett/',
    'archive index': '/archive/',
    'archive year': '/archive/2016/',
    undated: '/archive/undated/',
    'search with results': '/search/?q=palmyra',
    'search by filters alone': '/search/?mentions=Palmyra&mentions=Raqqa',
    '404': '/no-such-page/',
  };

  const cases = Object.entries(pageTypes).flatMap(([type, path]) => (['light', 'dark'] as const).map((scheme) => [type, scheme, path] as const));
  it.each(cases)(
    '%s (%s): no violations',
    async (_type, scheme, path) => {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.goto(inject('siteUrl') + path);
      if (path.startsWith('/search/')) await page.locator('.result a').first().waitFor();
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await page.close();
    },
  );
});
