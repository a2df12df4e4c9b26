import type { Problem } from './record.ts';

/** `file:line: severity: message`, the form editors and terminals link to. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/**
 * The build log's lines for the warnings among `problems`: the first `shown` of them, then how
 * many more there are and the command that lists every one. A large archive can have hundreds
 * (conflicting dates, say), which would bury the rest of the log.
 */
export function warningLines(problems: Problem[], seedDir: string, shown = 20): string[] {
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const lines = warnings.slice(0, shown).map(formatProblem);
  const more = warnings.length - shown;
  if (more > 0) lines.push(`… and ${more} more warnings: \`npm run -s parse -- ${seedDir} > /dev/null\` lists every one`);
  return lines;
}
