/** `scripts/bench/hugo.ts`: reading the side by side's summary as ../shared/bench/vs-hugo prints it. */
import { describe, expect, it } from 'vitest';
import { parseVsHugo } from '../../scripts/bench/hugo.ts';

// vs-hugo's output for 10,000 articles, one run: progress on stderr, then its summary on stdout.
const OUTPUT = `10000 articles; warm-up
run 1: A 135.5 s wall 139.8 s cpu | B 22.9 s wall 27.5 s cpu | A/B wall 5.92
articles 10000, runs 1, mode full
A (project)       wall   135.5 s   cpu   139.8 s   peak   1717 MiB
B (Hugo+Pagefind) wall    22.9 s   cpu    27.5 s   peak    951 MiB
A/B               wall    5.92     cpu    5.09
`;

describe('parseVsHugo', () => {
  it('reads both sides, the ratios and the summary table', () => {
    const parsed = parseVsHugo(OUTPUT)!;
    expect(parsed).toMatchObject({
      runs: 1,
      project: { wallSeconds: 135.5, cpuSeconds: 139.8, peakMiB: 1717 },
      hugoPagefind: { wallSeconds: 22.9, cpuSeconds: 27.5, peakMiB: 951 },
      wallRatio: 5.92,
      cpuRatio: 5.09,
    });
    expect(parsed.table.split('\n')).toEqual(OUTPUT.split('\n').slice(2, 6));
  });

  it('gives nothing for an output without its summary (a run that failed midway)', () => {
    expect(parseVsHugo(OUTPUT.split('\n').slice(0, 3).join('\n'))).toBeNull();
  });
});
