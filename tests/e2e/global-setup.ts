import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT } from '../support/build.ts';
import { makeHostileSeeds } from '../support/hostile.ts';
import { serveStatic } from '../support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
    hostileUrl: string;
    hostileDir: string;
    hostileSeeds: string;
    hostileBuildLog: string;
  }
}

/**
 * Two real builds, each served on loopback for the browser tests: the real seeds, and
 * hostile, awkward and oversized seeds (tests/fixtures/hostile plus generated files).
 */
export default async function setup(project: TestProject) {
  // The real seeds last: Astro's page cache then holds them for the rebuilds in build.test.ts.
  const hostileSeeds = await makeHostileSeeds();
  const hostile = await buildSite(hostileSeeds);
  const real = await buildSite(join(PROJECT, 'seeds'));
  const servers = [await serveStatic(real.outDir), await serveStatic(hostile.outDir)];
  project.provide('siteUrl', servers[0].url);
  project.provide('siteDir', real.outDir);
  project.provide('hostileUrl', servers[1].url);
  project.provide('hostileDir', hostile.outDir);
  project.provide('hostileSeeds', hostileSeeds);
  project.provide('hostileBuildLog', hostile.log);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all([real.outDir, hostile.outDir, hostileSeeds].map((dir) => rm(dir, { recursive: true, force: true })));
  };
}
