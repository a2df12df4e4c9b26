import { describe, expect, it } from 'vitest';
import { CHART, chartLayout, gridStep, monthlyCounts, timelineRows, type Timeline } from '../../src/lib/timeline.ts';
import { parseFiles } from './helpers.ts';

/** One full-text capture per date (front matter), or undated for `undefined`. */
function articlesDated(dates: (string | undefined)[]) {
  const files = Object.fromEntries(
    dates.map((date, index) => [`${index}.txt`, `${date ? `---\ndate: ${date}\n---\n` : ''}Article number ${index}\n\nSome text of article ${index}.\n`]),
  );
  const { articles, problems } = parseFiles(files);
  expect(problems).toEqual([]);
  expect(articles).toHaveLength(dates.length);
  return articles;
}

/** A timeline of `length` months from January of `startYear`, with the given counts (repeated). */
function timelineOf(length: number, counts: number[], startYear = 2010): Timeline {
  return {
    months: Array.from({ length }, (_, index) => ({
      year: String(startYear + Math.floor(index / 12)),
      month: String((index % 12) + 1).padStart(2, '0'),
      count: counts[index % counts.length],
    })),
    yearOnly: [],
    undated: 0,
  };
}

describe('monthlyCounts', () => {
  it('gives every month from the first to the last dated one, empty months included, across years', () => {
    const timeline = monthlyCounts(articlesDated(['2016-11-03', '2016-11', '2017-02-28', '2016-12', '2017-02', '2017-02-01']));
    expect(timeline.months).toEqual([
      { year: '2016', month: '11', count: 2 },
      { year: '2016', month: '12', count: 1 },
      { year: '2017', month: '01', count: 0 },
      { year: '2017', month: '02', count: 3 },
    ]);
    expect(timeline.yearOnly).toEqual([]);
    expect(timeline.undated).toBe(0);
  });

  it('counts articles dated only to a year by year, and undated ones, apart from the months', () => {
    const timeline = monthlyCounts(articlesDated(['2018', undefined, '2016-05-05', '2012', undefined, '2018', undefined]));
    expect(timeline.months).toEqual([{ year: '2016', month: '05', count: 1 }]);
    expect(timeline.yearOnly).toEqual([
      { year: '2012', count: 1 },
      { year: '2018', count: 2 },
    ]);
    expect(timeline.undated).toBe(3);
  });

  it('has no months when nothing is dated to a month', () => {
    expect(monthlyCounts([])).toEqual({ months: [], yearOnly: [], undated: 0 });
    expect(monthlyCounts(articlesDated([undefined, '2015']))).toEqual({ months: [], yearOnly: [{ year: '2015', count: 1 }], undated: 1 });
  });

  it('gives 180 months for 50,000 articles over 15 years, the counts adding up', () => {
    const dates = Array.from({ length: 50_000 }, (_, index) => `${2010 + (index % 15)}-${String((index % 12) + 1).padStart(2, '0')}`);
    // Only the dates are read: plain objects stand in for 50,000 parsed records.
    const timeline = monthlyCounts(dates.map((date) => ({ date }) as Parameters<typeof monthlyCounts>[0][number]));
    expect(timeline.months).toHaveLength(180);
    expect(timeline.months[0]).toMatchObject({ year: '2010', month: '01' });
    expect(timeline.months.at(-1)).toMatchObject({ year: '2024', month: '12' });
    expect(timeline.months.reduce((sum, { count }) => sum + count, 0)).toBe(50_000);
  });
});

describe('timelineRows', () => {
  it('gives one row per year with twelve months, blank outside the series and 0 for empty months inside it', () => {
    const rows = timelineRows(monthlyCounts(articlesDated(['2016-11', '2016-11', '2018-02', '2014', '2016', undefined])));
    expect(rows.map((row) => row.year)).toEqual(['2014', '2016', '2017', '2018']);
    expect(rows[0]).toEqual({ year: '2014', months: Array(12).fill(undefined), yearOnly: 1, total: 1 });
    expect(rows[1].months).toEqual([...Array(10).fill(undefined), 2, 0]);
    expect(rows[1]).toMatchObject({ yearOnly: 1, total: 3 });
    expect(rows[2]).toMatchObject({ months: Array(12).fill(0), total: 0 });
    expect(rows[3].months).toEqual([0, 1, ...Array(10).fill(undefined)]);
  });
});

describe('gridStep', () => {
  it.each([
    [1, 1],
    [3, 1],
    [4, 1],
    [5, 2],
    [9, 5],
    [42, 20],
    [1234, 500],
  ])('lines for a highest bar of %i every %i', (max, step) => {
    expect(gridStep(max)).toBe(step);
  });
});

describe('chartLayout', () => {
  const isInteger = (value: number) => Number.isInteger(value);

  it('keeps 15 years of months readable in the page width: bars apart, every year labelled, integer coordinates', () => {
    const layout = chartLayout(timelineOf(180, [42, 0, 7, 1, 300, 12]));
    expect(layout.bars).toHaveLength(150);
    expect(layout.width).toBeLessThanOrEqual(CHART.left + CHART.plotWidth + CHART.right);
    for (const [bar, next] of layout.bars.slice(0, -1).map((bar, index) => [bar, layout.bars[index + 1]])) {
      expect(bar.width).toBeGreaterThanOrEqual(3);
      expect(next.x).toBeGreaterThan(bar.x + bar.width);
    }
    expect(layout.years.map(({ year }) => year)).toEqual(Array.from({ length: 15 }, (_, index) => String(2010 + index)));
    const gaps = layout.years.slice(1).map(({ x }, index) => x - layout.years[index].x);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(CHART.labelWidth);
    const numbers = [layout.width, layout.height, ...layout.bars.flatMap(({ x, y, width, height }) => [x, y, width, height]), ...layout.gridlines.map(({ y }) => y)];
    expect(numbers.every(isInteger)).toBe(true);
  });

  it('scales bars to the busiest month, keeps a 1-article month visible, and draws round gridlines', () => {
    const layout = chartLayout(timelineOf(24, [300, 1, 0, 150]));
    const height = (count: number) => layout.bars.find((bar) => bar.count === count)!.height;
    expect(height(300)).toBe(CHART.plotHeight);
    expect(height(150)).toBe(CHART.plotHeight / 2);
    expect(height(1)).toBe(2);
    expect(layout.bars.every((bar) => bar.y + bar.height === layout.baseline)).toBe(true);
    expect(layout.gridlines.map(({ count }) => count)).toEqual([100, 200, 300]);
    expect(layout.gridlines.at(-1)!.y).toBe(layout.baseline - CHART.plotHeight);
  });

  it('gives few months wide bars, but no wider than the largest step, and room for the year label', () => {
    const one = chartLayout(timelineOf(1, [5], 2016));
    expect(one.bars).toEqual([{ year: '2016', month: '01', count: 5, x: CHART.left, y: CHART.top, width: 20, height: CHART.plotHeight }]);
    expect(one.years).toEqual([{ year: '2016', x: CHART.left }]);
    expect(one.width).toBeGreaterThanOrEqual(CHART.left + CHART.labelWidth);
    expect(chartLayout(timelineOf(12, [1])).bars[1].x - CHART.left).toBe(CHART.maxStep);
  });

  it('labels a first year that starts late only when its label fits before the next January', () => {
    const lateStart = (month: number, length: number) => {
      const { months } = timelineOf(length + month - 1, [1]);
      return chartLayout({ months: months.slice(month - 1), yearOnly: [], undated: 0 }).years.map(({ year }) => year);
    };
    expect(lateStart(12, 200)).toEqual(Array.from({ length: 17 }, (_, index) => String(2011 + index)));
    expect(lateStart(3, 200)).toEqual(Array.from({ length: 17 }, (_, index) => String(2010 + index)));
    expect(lateStart(11, 3)).toEqual(['2010', '2011']);
  });
});
