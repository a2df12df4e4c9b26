import type { Article } from '../ingest/record.ts';

export interface MonthCount {
  year: string;
  /** `01`–`12`. */
  month: string;
  count: number;
}

/** What a timeline chart shows, for the whole archive or for one tag's or source's articles. */
export interface Timeline {
  /** Every month from the first to the last one an article is dated in, oldest first, empty months included. */
  months: MonthCount[];
  /** Articles dated only to a year, oldest year first: they are on their year's page, in no month. */
  yearOnly: { year: string; count: number }[];
  undated: number;
}

/** `YYYY-MM…` as a month number that counts on across years. */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function monthAt(index: number, count: number): MonthCount {
  return { year: String(Math.floor(index / 12)).padStart(4, '0'), month: String((index % 12) + 1).padStart(2, '0'), count };
}

const increment = <K>(counts: Map<K, number>, key: K) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** Counts articles per month in one continuous series, so that gaps show; year-only and undated ones apart. */
export function monthlyCounts(articles: readonly Article[]): Timeline {
  const perMonth = new Map<number, number>();
  const perYear = new Map<string, number>();
  let undated = 0;
  for (const { date } of articles) {
    if (!date) undated++;
    else if (date.length === 4) increment(perYear, date);
    else increment(perMonth, monthIndex(date));
  }
  const indexes = [...perMonth.keys()];
  const first = Math.min(...indexes);
  const months = indexes.length ? Array.from({ length: Math.max(...indexes) - first + 1 }, (_, offset) => monthAt(first + offset, perMonth.get(first + offset) ?? 0)) : [];
  const yearOnly = [...perYear].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, count]) => ({ year, count }));
  return { months, yearOnly, undated };
}

/** One row of the table beside the chart: a year, its twelve months (`undefined` outside the series) and its year-only articles. */
export interface TimelineRow {
  year: string;
  months: (number | undefined)[];
  yearOnly: number;
  total: number;
}

/** The timeline by year, oldest first: every year in the month series or with year-only articles. */
export function timelineRows({ months, yearOnly }: Timeline): TimelineRow[] {
  const rows = new Map<string, TimelineRow>();
  const rowOf = (year: string) => rows.get(year) ?? rows.set(year, { year, months: Array(12).fill(undefined), yearOnly: 0, total: 0 }).get(year)!;
  for (const { year, month, count } of months) {
    const row = rowOf(year);
    row.months[Number(month) - 1] = count;
    row.total += count;
  }
  for (const { year, count } of yearOnly) {
    const row = rowOf(year);
    row.yearOnly = count;
    row.total += count;
  }
  return [...rows.values()].sort((a, b) => (a.year < b.year ? -1 : 1));
}

/** Sizes of the chart in CSS pixels; every coordinate is an integer, so the SVG stays short. */
export const CHART = {
  /** Room for the count labels left of the bars. */
  left: 44,
  right: 4,
  top: 8,
  plotHeight: 120,
  /** Room for the year labels under the bars. */
  bottom: 22,
  /** The bars fit in this width when there are few enough months (15 years at 4 px a month). */
  plotWidth: 860,
  minStep: 3,
  maxStep: 24,
  /** The width a year label needs: years are labelled only this far apart. */
  labelWidth: 36,
  maxGridlines: 4,
} as const;

export interface ChartBar extends MonthCount {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The y of the axis the bars stand on. */
  baseline: number;
  /** Months with articles; empty months are gaps. */
  bars: ChartBar[];
  /** Where each labelled year starts (January, or the first month of the series). */
  years: { year: string; x: number }[];
  /** Horizontal lines at round counts, the highest at most the highest bar. */
  gridlines: { count: number; y: number }[];
}

/** 1, 2, 5, 10, 20, 50, … : the smallest round step that needs at most `lines` lines up to `max`. */
export function gridStep(max: number, lines: number = CHART.maxGridlines): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [power, 2 * power, 5 * power]) if (max / step <= lines) return step;
  }
}

/** Bar positions, year labels and gridlines of a timeline's chart; bars keep at least `minStep` px a month. */
export function chartLayout({ months }: Timeline): ChartLayout {
  const { left, right, top, plotHeight, bottom, plotWidth, minStep, maxStep, labelWidth } = CHART;
  const step = Math.min(maxStep, Math.max(minStep, Math.floor(plotWidth / Math.max(1, months.length))));
  const barWidth = step - Math.max(1, Math.floor(step / 6));
  const max = Math.max(1, ...months.map(({ count }) => count));
  const baseline = top + plotHeight;
  const heightOf = (count: number) => Math.round((count / max) * plotHeight);
  const xOf = (index: number) => left + index * step;

  const bars = months.flatMap((month, index) => {
    if (!month.count) return [];
    const height = Math.max(2, heightOf(month.count));
    return [{ ...month, x: xOf(index), y: baseline - height, width: barWidth, height }];
  });
  const firstJanuary = months.findIndex(({ month }) => month === '01');
  const years = months.flatMap(({ year, month }, index) => {
    const labelled = month === '01' || (index === 0 && (firstJanuary < 0 || firstJanuary * step >= labelWidth));
    return labelled ? [{ year, x: xOf(index) }] : [];
  });
  const gridStepCount = gridStep(max);
  const gridlines = Array.from({ length: Math.floor(max / gridStepCount) }, (_, index) => (index + 1) * gridStepCount).map((count) => ({ count, y: baseline - heightOf(count) }));
  const plotRight = Math.max(xOf(months.length), (years.at(-1)?.x ?? 0) + labelWidth);
  return { width: plotRight + right, height: baseline + bottom, baseline, bars, years, gridlines };
}
