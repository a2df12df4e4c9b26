/** Whether a progress line is drawn on the terminal, to be cleared before anything else is printed. */
let drawn = false;

/** A line of the log as it is, below any progress line (which its next update draws again). */
export function print(line: string): void {
  if (drawn) process.stdout.write('\r\x1b[2K');
  drawn = false;
  console.log(line);
}

/** A build log line in Astro's style (`16:02:47 [step] message`), so the build reads as one log. */
export function log(step: string, message: string): void {
  print(`${new Date().toTimeString().slice(0, 8)} [${step}] ${message}`);
}

/** How often a progress line is printed where it cannot be redrawn (CI, a file). */
const PLAIN_EVERY_MS = 10_000;
/** How often a terminal's progress line is redrawn. */
const REDRAW_EVERY_MS = 200;

export interface Progress {
  /** `done` of the step's items are done. */
  update(done: number): void;
  /** A line about the step while it goes on (on a terminal, the progress line is drawn again below it). */
  note(message: string): void;
  /** The step is over: its progress line gives way to `message`. */
  finish(message: string): void;
}

/**
 * The progress of a long step: `[step] 4,200 of 10,000 pages, about 12 s left`. On a terminal one
 * line is redrawn in place; elsewhere (CI, a log file) a plain line is printed every ten seconds.
 * Without a `total` it counts and gives the rate instead of an estimate.
 */
export function progress(step: string, noun: string, total?: number): Progress {
  const redraw = process.stdout.isTTY === true;
  // From the first update on: what comes before it (a process starting, items done while the
  // progress was not shown) would spoil the rate.
  let started: { at: number; done: number } | undefined;
  let shownAt = 0;
  const line = (done: number) => {
    const seconds = (performance.now() - started!.at) / 1000;
    const count = total === undefined ? `${done.toLocaleString('en')} ${noun}` : `${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}`;
    if (done === started!.done || seconds < 1) return count;
    const rate = (done - started!.done) / seconds;
    return total === undefined ? `${count}, ${Math.round(rate).toLocaleString('en')} a second` : `${count}, about ${Math.ceil((total - done) / rate)} s left`;
  };
  return {
    update(done) {
      const now = performance.now();
      started ??= { at: (shownAt = now), done };
      if (now - shownAt < (redraw ? REDRAW_EVERY_MS : PLAIN_EVERY_MS)) return;
      shownAt = now;
      if (redraw) {
        process.stdout.write(`\r\x1b[2K${new Date().toTimeString().slice(0, 8)} [${step}] ${line(done)}`);
        drawn = true;
      } else {
        log(step, line(done));
      }
    },
    note(message) {
      shownAt = 0;
      log(step, message);
    },
    finish(message) {
      log(step, message);
    },
  };
}
