/**
 * `npm run lighthouse -- [site-dir] [--json out.json]`: serves a built site (default dist/)
 * on loopback and runs Lighthouse (mobile defaults) in Debian's Chromium on the home page,
 * an article with a body and a search with results; prints the four scores of each.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';

export const LIGHTHOUSE_PAGES = {
  home: '/',
  article: '/articles/war-crime-62-syrian-forces-killed-in-us-led-coalition-in-deir-ezzor/',
  search: '/search/?q=palmyra',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export type Scores = Record<keyof typeof LIGHTHOUSE_PAGES, Record<(typeof CATEGORIES)[number], number> & { failing: string[] }>;

export async function runLighthouse(siteDir: string): Promise<Scores> {
  const site = await serveStatic(resolve(siteDir));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  try {
    const scores = {} as Scores;
    for (const [name, path] of Object.entries(LIGHTHOUSE_PAGES) as [keyof Scores, string][]) {
      const result = await lighthouse(site.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const { categories, audits } = result!.lhr;
      const failing = Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
        .map((audit) => `${audit.id} (${audit.score})`);
      scores[name] = { ...Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id].score ?? 0) * 100)])), failing } as Scores[keyof Scores];
    }
    return scores;
  } finally {
    chrome.kill();
    await site.close();
  }
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'string' } } });
  const scores = await runLighthouse(positionals[0] ?? 'dist');
  console.log(`| page | ${CATEGORIES.join(' | ')} |\n|---|${CATEGORIES.map(() => '---').join('|')}|`);
  for (const [name, score] of Object.entries(scores)) console.log(`| ${name} | ${CATEGORIES.map((id) => score[id]).join(' | ')} |`);
  for (const [name, score] of Object.entries(scores)) if (score.failing.length) console.error(`${name}: below 1 — ${score.failing.join(', ')}`);
  if (values.json) await writeFile(values.json, `${JSON.stringify(scores, null, 2)}\n`);
}
