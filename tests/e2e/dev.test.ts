/** `npm run dev`: pages look as built pages do, nothing trips over the Content-Security-Policy, and search says it needs a build. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsJson } from '../../src/ingest/handover.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { bySlug } from '../../src/ingest/slug.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildEnv, PROJECT } from '../support/build.ts';

let dev: ChildProcess;
let devUrl: string;
let browser: Browser;
const output: string[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Opens a page of the dev server and returns it with every console message of type error or warning. */
async function open(path: string): Promise<{ page: Page; messages: string[] }> {
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  });
  page.on('pageerror', (error) => messages.push(error.message));
  const response = await page.goto(devUrl + path, { waitUntil: 'networkidle', timeout: 60_000 });
  expect(response?.status(), path).toBe(200);
  return { page, messages };
}

beforeAll(async () => {
  const port = await freePort();
  devUrl = `http://127.0.0.1:${port}`;
  // The seeds are only read: the dev server never writes permalinks.json.
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: PROJECT,
    env: buildEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start within 60 s:\n${output.join('')}`)), 60_000);
    const take = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes(devUrl)) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', take);
    dev.stderr!.on('data', take);
  });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
});

describe('astro dev', () => {
  it.each(['/', '/articles/yankees-in-syria/', '/tags/assad/', '/search/?q=palmyra'])(
    '%s has its styles applied and no Content-Security-Policy complaint',
    async (path) => {
      const { page, messages } = await open(path);
      // The stylesheet's light background (#fdfcf9), not the browser's white.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(253, 252, 249)');
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle)).toBe('solid');
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
      expect(messages.filter((message) => /Content.Security.Policy/i.test(message))).toEqual([]);
      await page.close();
    },
    90_000,
  );

  it('/articles.json holds every record of the seeds, as the parse CLI gives them', async () => {
    const response = await fetch(`${devUrl}/articles.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe(recordsJson([...(await parseSeedDir(join(PROJECT, 'seeds'))).articles].sort(bySlug)));
  }, 90_000);

  it('the search page says plainly that search needs a build, and asks for no index', async () => {
    const { page, messages } = await open('/search/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    expect(await page.locator('.notice').first().textContent()).toMatch(/Search needs the index that npm run build writes.*npm run preview/s);
    await page.getByLabel('Search every article').fill('Palmyra');
    await page.waitForTimeout(500);
    expect(requests.filter((url) => url.includes('pagefind'))).toEqual([]);
    expect(messages).toEqual([]);
    await page.close();
  }, 90_000);
});
