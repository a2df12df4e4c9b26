/** Process-tree memory sampling and a command runner with per-line timestamps (Linux /proc). */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  pid: number;
  ppid: number;
}

function listProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state, ppid, …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), ppid: Number(fields[1]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of listProcesses()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** Sum of VmRSS (bytes) over the process tree under `root`. */
export function treeRss(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Other `astro build` processes on the machine (not under `ownRoot`), to avoid measuring two builds at once. */
export function foreignBuilds(ownRoot = process.pid): number[] {
  const own = new Set(processTree(ownRoot));
  const found: number[] = [];
  for (const { pid } of listProcesses()) {
    if (own.has(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((arg) => /astro(\.mjs|\.js)?$/.test(arg)) && cmdline.includes('build')) found.push(pid);
    } catch {
      // Gone.
    }
  }
  return found;
}

export interface TimedLine {
  /** Milliseconds since the process was started. */
  at: number;
  text: string;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallSeconds: number;
  peakRssBytes: number;
  lines: TimedLine[];
}

const running = new Set<number>();

/** Kills the process groups of the commands `runMeasured` started that are still running. */
export function killRunning(): void {
  for (const pid of running) process.kill(-pid, 'SIGKILL');
}

/**
 * Runs a command in its own process group, timestamps every output line as it arrives,
 * samples the process tree's RSS every `sampleMs`, and kills the group after `timeoutMs`.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    logFile?: string;
    sampleMs?: number;
    onLine?: (line: TimedLine) => void;
  },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) running.add(child.pid);
    const log = options.logFile ? createWriteStream(options.logFile) : undefined;
    const lines: TimedLine[] = [];
    let peak = 0;
    let timedOut = false;
    const partial = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const at = performance.now() - started;
      log?.write(chunk);
      const parts = (partial[stream] + chunk.toString('utf8')).split('\n');
      partial[stream] = parts.pop()!;
      for (const text of parts) {
        const line = { at, text: text.replace(/\x1b\[[0-9;]*m/g, '') };
        lines.push(line);
        options.onLine?.(line);
      }
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    };
    const sampler = setInterval(sample, options.sampleMs ?? 100);
    const killer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(killer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      running.delete(child.pid!);
      clearInterval(sampler);
      clearTimeout(killer);
      const at = performance.now() - started;
      for (const stream of ['stdout', 'stderr'] as const) if (partial[stream]) lines.push({ at, text: partial[stream] });
      log?.end();
      resolve({ exitCode, signal, timedOut, wallSeconds: at / 1000, peakRssBytes: peak, lines });
    });
  });
}
