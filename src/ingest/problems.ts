import type { Problem } from './record.ts';

/** `file:line: severity: message`, the form editors and terminals link to. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
