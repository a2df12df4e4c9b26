/** Site settings, the base path they give every URL, and JSON-LD that captured text cannot break out of. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scriptJson } from '../../src/lib/structured-data.ts';
import { ROOT } from './helpers.ts';

/** Evaluates `expression` with src/consts.ts and src/lib/urls.ts loaded under the given environment; returns its JSON or the error. */
function withEnv(env: Record<string, string>, expression: string): { value?: unknown; error: string } {
  const script = `const consts = await import('./src/consts.ts'); const urls = await import('./src/lib/urls.ts'); console.log(JSON.stringify(${expression}));`;
  const { SITE_URL: _url, SITE_NAME: _name, SEARCH_BUNDLE_SIZE: _size, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { value: run.status === 0 ? JSON.parse(run.stdout) : undefined, error: run.stderr };
}

describe('site settings', { timeout: 30_000 }, () => {
  it('come from site.config.ts, with a placeholder address that the build is told about', () => {
    expect(withEnv({}, '[consts.SITE_TITLE, consts.SITE_URL, consts.SITE_URL_IS_PLACEHOLDER, consts.SITE_LANGUAGE, urls.BASE_PATH]').value).toEqual([
      'News Archive',
      'https://news-archive.example.org/',
      true,
      'en',
      '/',
    ]);
  });

  it('take SITE_NAME and SITE_URL from the environment; the address’s path is the base of every URL', () => {
    const { value } = withEnv(
      { SITE_NAME: 'My Archive', SITE_URL: 'https://user.github.io/archive' },
      '[consts.SITE_TITLE, consts.SITE_URL, consts.SITE_URL_IS_PLACEHOLDER, urls.homeUrl, urls.articleUrl("x"), urls.searchBundleUrl("ar"), urls.absoluteUrl(urls.feedUrl), urls.outputPath(urls.tagUrl("y"))]',
    );
    expect(value).toEqual([
      'My Archive',
      'https://user.github.io/archive/',
      false,
      '/archive/',
      '/archive/articles/x/',
      '/archive/pagefind/ar/',
      'https://user.github.io/archive/rss.xml',
      'tags/y/',
    ]);
  });

  it('refuse an address that is not http(s), naming the setting', () => {
    const { value, error } = withEnv({ SITE_URL: 'ftp://example.org/' }, 'consts.SITE_URL');
    expect(value).toBeUndefined();
    expect(error).toMatch(/site settings \(site\.config\.ts, SITE_NAME, SITE_URL, SEARCH_BUNDLE_SIZE\): url: expected an http\(s\) address/);
  });

  it('take the articles per search bundle from site.config.ts or SEARCH_BUNDLE_SIZE, a whole number above 0', () => {
    expect(withEnv({}, 'consts.SEARCH_BUNDLE_SIZE').value).toBe(5000);
    expect(withEnv({ SEARCH_BUNDLE_SIZE: '20' }, 'consts.SEARCH_BUNDLE_SIZE').value).toBe(20);
    const { value, error } = withEnv({ SEARCH_BUNDLE_SIZE: 'many' }, 'consts.SEARCH_BUNDLE_SIZE');
    expect(value).toBeUndefined();
    expect(error).toMatch(/searchBundleSize: /);
  });
});

describe('JSON-LD', () => {
  it('is the same JSON, with nothing that could end the script element or open a comment', () => {
    const value = { headline: '</script><script>alert(1)</script> <!-- & \u2028' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
