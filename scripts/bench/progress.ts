/** The benchmark's progress lines (stderr, so that stdout holds only the report) and its arithmetic. */

const started = performance.now();

export function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(7)}s] ${message}\n`);
}

/** The median of the finite numbers; NaN when there are none. */
export function median(numbers: (number | null)[]): number {
  const sorted = numbers.filter((n): n is number => n !== null && Number.isFinite(n)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounded for the report; null for NaN (JSON has no NaN). */
export function round(n: number, digits = 2): number | null {
  return Number.isFinite(n) ? Number(n.toFixed(digits)) : null;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
