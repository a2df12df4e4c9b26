import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT } from '../support/build.ts';
import { serveStatic } from '../support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

/** One real build of the real seeds, served on loopback for every browser test. */
export default async function setup(project: TestProject) {
  const { outDir } = await buildSite(join(PROJECT, 'seeds'));
  const site = await serveStatic(outDir);
  project.provide('siteUrl', site.url);
  project.provide('siteDir', outDir);
  return async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
