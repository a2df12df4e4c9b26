/** The deploy recipes that are files: the GitHub Pages workflow, `.nojekyll` and `_headers`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; environment?: { name: string }; steps: Step[] }>;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the GitHub Pages workflow', () => {
  const workflow = parse(read('.github/workflows/deploy.yml')) as Workflow;
  const { build, deploy } = workflow.jobs;
  const uses = (name: string) => build.steps.find((step) => step.uses?.startsWith(`${name}@`));

  it('parses, runs on a push to main, and may deploy to Pages', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('builds with the command the README names, for the address GitHub Pages gives the site', () => {
    const astro = uses('withastro/action')!;
    expect(astro.with?.['build-cmd']).toBe('npm run build');
    expect(astro.with?.['out-dir']).toBe('dist');
    expect(read('README.md')).toContain('`npm run build`');
    const pages = uses('actions/configure-pages')!;
    const address = build.steps.find((step) => step.run?.includes('SITE_URL='))!;
    expect(address.run).toContain(`steps.${pages.id}.outputs.base_url`);
    expect(build.steps.indexOf(address)).toBeLessThan(build.steps.indexOf(astro));
  });

  it('deploys what the build job uploaded', () => {
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((step) => step.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@v\d+$/)]);
  });
});

describe('host files in public/', () => {
  it('.nojekyll keeps GitHub Pages from dropping _astro/', () => {
    expect(existsSync(join(ROOT, 'public/.nojekyll'))).toBe(true);
  });

  it('_headers caches only content-addressed folders for a year', () => {
    const rules = read('public/_headers')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    const paths = rules.filter((line) => !line.startsWith(' '));
    expect(paths).toEqual([
      '/_astro/*',
      ...['/pagefind/:lang', '/pagefind/:lang/:part'].flatMap((bundle) => ['fragment', 'index', 'filter'].map((folder) => `${bundle}/${folder}/*`)),
    ]);
    expect(rules.filter((line) => line.startsWith(' '))).toEqual(Array(paths.length).fill('  Cache-Control: public, max-age=31536000, immutable'));
  });
});
