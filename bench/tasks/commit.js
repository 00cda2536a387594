// Task `commit`: the cost of building one engine commit, alone. In a git repository copy
// of the generated workspace, three deals' stage files are changed, then `commitPaths`
// (dist/git/commit.js, what sync and watch call) commits exactly those three paths. What
// it costs must not grow with the size of the repository.
//
// Beside it, git's own floor in the same repository: three other files changed, then
// `git add` and `git commit` of them (no hooks), as a person would. Both rewrite git's
// index — one file listing every tracked file — and the tree of the folder holding the
// 10,000 deals, so neither can be free of the repository's size.
//
//   node bench/tasks/commit.js <repo> <round> → one JSON line: {ms, gitMs, committed, files, maxRssKb}
//
// `round` picks which three deals change, so successive runs on one copy each have
// something new to commit.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commitPaths } from '../../dist/git/commit.js';

const [dir, roundArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/tasks/commit.js <repo> <round>');
const round = Number(roundArg ?? 0);
const deals = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort();
/** Three deals' stage files changed: the first, second and fifth stage of deals spread over the folder. */
const changeThree = (offset) =>
  [0, 1, 2].map((k) => {
    const path = `threads/sales/${deals[((round * 6 + offset + k) * 7) % deals.length]}/${['1-input.md', '2-hypothesis.md', '5-actions.md'][k]}`;
    const file = join(dir, path);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nNote ${round}.${offset + k} from the bench, ${Date.now()}.\n`);
    return path;
  });

const paths = changeThree(0);
const started = performance.now();
const outcome = await commitPaths({ cwd: dir, paths, message: `bench: commit round ${round}` });
const ms = performance.now() - started;
if (!outcome.committed) throw new Error(`bench commit: nothing committed (${outcome.reason}: ${outcome.message})`);

const theirs = changeThree(3);
const git = (...args) => execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
const gitStarted = performance.now();
git('add', '--', ...theirs);
git('commit', '-q', '--no-verify', '-m', `bench: git's own commit, round ${round}`);
const gitMs = performance.now() - gitStarted;
console.log(JSON.stringify({ ms, gitMs, committed: outcome.committed, files: paths.length, maxRssKb: process.resourceUsage().maxRSS }));
