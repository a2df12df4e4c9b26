import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Seed files for the timeline: dates across months and years with gaps, a busy month, year-only and undated articles. */
export const TIMELINE_FILES = [
  { date: '2014-11', count: 3, tag: 'Aleppo' },
  { date: '2015-02-14', count: 2, tag: 'Aleppo' },
  { date: '2015-02', count: 1 },
  { date: '2015-06', count: 1, tag: 'Aleppo' },
  // More than a page (PAGE_SIZE is 20): the month page has a second page.
  { date: '2016-01', count: 23 },
  { date: '2016-03-30', count: 4, tag: 'Aleppo' },
  { date: '2017-12', count: 2 },
  { date: '2016', count: 2, tag: 'Aleppo' },
  { date: '2012', count: 1 },
  { date: undefined, count: 5, tag: 'Aleppo' },
] as const;

export const TIMELINE_SOURCE = 'Timeline Times';

/** Full-text captures with front matter, one file per entry of TIMELINE_FILES, in a fresh temporary seed folder. */
export async function makeTimelineSeeds(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-timeline-'));
  await Promise.all(
    TIMELINE_FILES.map(({ date, count, ...rest }, file) => {
      const tag = 'tag' in rest ? rest.tag : undefined;
      const frontMatter = ['---', `source: ${TIMELINE_SOURCE}`, date && `date: "${date}"`, tag && `tags: [${tag}]`, '---'].filter(Boolean).join('\n');
      const captures = Array.from({ length: count }, (_, n) => `Report ${n + 1} of batch ${file + 1} (${date ?? 'undated'})\n\nWhat happened in batch ${file + 1}, report ${n + 1}.\n`);
      return writeFile(join(dir, `batch-${file + 1}.txt`), `${frontMatter}\n${captures.join('\n\n\n\n')}`);
    }),
  );
  return dir;
}
