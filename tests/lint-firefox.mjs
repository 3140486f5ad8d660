// Runs Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org runs) on the Firefox
// build. Fails on any error, and on any warning that the README's "Firefox add-on lint" section
// does not explain.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cmd } from 'web-ext';

const sourceDir = resolve(import.meta.dirname, '..', process.env.CLEAN_BREAK_OUT ?? '.output', 'firefox-mv3');

/** Warnings explained in the README, each recognised by its code and the code it points at. */
const EXPLAINED = [
  {
    // Preact's renderer applies the `dangerouslySetInnerHTML` prop; ESLint forbids that prop
    // (and innerHTML) in our own code, so nothing of ours reaches this line.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    matches: (source) => /\.__html\b/.test(source) && source.includes('innerHTML'),
  },
];

/** The code around the position a message points at. */
function around({ file, line, column }) {
  if (!file || !line) return '';
  const text = readFileSync(join(sourceDir, file), 'utf8').split('\n')[line - 1] ?? '';
  const at = column ?? 0;
  return text.slice(Math.max(0, at - 200), at + 200);
}

const report = await cmd.lint({ sourceDir, output: 'text' }, { shouldExitProgram: false });
const unexplained = report.warnings.filter(
  (warning) => !EXPLAINED.some((known) => known.code === warning.code && known.matches(around(warning))),
);
if (report.errors.length > 0 || unexplained.length > 0) {
  for (const warning of unexplained) console.error(`Unexplained warning: ${warning.code} in ${warning.file}`);
  console.error('Fix these, or explain a warning that has to stay in README.md ("Firefox add-on lint").');
  process.exit(1);
}
console.log(`web-ext lint: 0 errors, ${report.warnings.length} explained warning(s).`);
