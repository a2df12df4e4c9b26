/**
 * `npm run parse -- [seed-dir]`: prints `{ articles, problems }` as JSON on stdout,
 * a summary and every problem on stderr; exits 1 if any problem is an error.
 */
import { parseSeedDir } from '../src/ingest/ingest.ts';
import { formatProblem } from '../src/ingest/problems.ts';

const dir = process.argv[2] ?? 'seeds';
const started = performance.now();
const result = await parseSeedDir(dir);
for (const problem of result.problems) console.error(formatProblem(problem));
const errors = result.problems.filter((problem) => problem.severity === 'error').length;
console.error(
  `parse: ${result.articles.length} articles from ${dir} in ${Math.round(performance.now() - started)} ms; ` +
    `${errors} errors, ${result.problems.length - errors} warnings`,
);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exitCode = errors ? 1 : 0;
