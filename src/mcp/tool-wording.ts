/**
 * The engine's refusals are written for the CLI: "create one with `threadwork deal new`",
 * "--subgoal SG1 needs --goal". An agent calling over MCP has no shell and no flags: told
 * that, it runs a command it cannot run or passes an argument the tool does not take. Its
 * error says the same in the tools' terms — the tool and the argument — with the same code
 * and details. Each phrase the engine's messages use is listed; anything else is kept.
 */
type Instead = string | ((match: string, ...groups: string[]) => string);

/** `threadwork campaign approve a.md b.md` as the tool's `drafts` argument: each path one item. */
const approveDrafts: Instead = (_match, paths) => `the \`approve_draft\` tool, "drafts": ${JSON.stringify(paths!.split(' '))}`;

const TOOL_WORDING: readonly [RegExp, Instead][] = [
  // A command with what it runs on (the drafts, the segment) first: the bare command's phrase below needs the backtick after its name.
  [/`threadwork campaign approve ([^`]+)`/g, approveDrafts],
  [/`threadwork strategy ([a-z0-9][a-z0-9-]*)`/g, 'the `generate_strategy` tool, "segments": ["$1"]'],
  [/`(?:threadwork )?campaign draft --force`/g, 'the `draft_campaign` tool with "force": true'],
  // The command named alone in a gate's or a check's words ("the one `due` lists"): not the `due` field of a deal's actions, which no such verb follows.
  [/`due`(?= (?:lists|listed|counts|reads|never lists|no longer lists))/g, 'the `due_touches` tool'],
  // The CLI's message offers the tool as an aside; to an agent already on MCP it is the way.
  [/ \(or `write_stage` with stage (\d) through MCP\)/g, ' (the `write_stage` tool, "stage": $1)'],
  // deal-without-goal: meta.json holds what sync derives, and an agent told "never write derived values" did not touch it; the link has its tool.
  [
    /expected `"goal_id"` in its meta\.json naming one of ([^\n]*)/g,
    'link it with the `link_goal` tool, "goal" one of $1 (and "subgoal" one of that goal\'s subgoals), which counts the deal toward the goal and commits it',
  ],
  // closed-before-created: `created` is the thread's own field of meta.json, set by its tool.
  [/set `created` to the day it began/g, 'set the day it began with the `set_created` tool'],
  [/`threadwork deal new`/g, 'the `create_deal` tool'],
  [/`threadwork campaign new`/g, 'the `create_campaign` tool'],
  [/`threadwork campaign draft`/g, 'the `draft_campaign` tool'],
  [/`threadwork advance ([^`]+)`/g, 'the `advance` tool, "thread": "$1"'],
  [/`threadwork migrate ([^`]+)`/g, 'the `migrate_stages` tool, "paths": ["$1"]'],
  [/`threadwork history ([^`]+)`/g, 'the `history` tool, "subject": "$1"'],
  [/`threadwork strategy --force`/g, 'the `generate_strategy` tool with "force": true'],
  [/`threadwork strategy`/g, 'the `generate_strategy` tool'],
  [/`threadwork campaign reply`/g, 'the `record_reply` tool'],
  [/`threadwork campaign approve`/g, 'the `approve_draft` tool'],
  [/`threadwork due`/g, 'the `due_touches` tool'],
  [/`threadwork score`/g, 'the `score_accounts` tool'],
  [/`threadwork migrate`/g, 'the `migrate_stages` tool'],
  [/`threadwork (advance|history|report)`/g, 'the `$1` tool'],
  [/`?threadwork (check|sync)\b`?/g, 'the `$1` tool'],
  [/--slug ([a-z0-9-]+)/g, '"slug": "$1"'],
  [/--text ("[^"]*")/g, '"text": $1'],
  [/--(slug|goal|subgoal|segment|date|force|title|text)\b/g, 'the `$1` argument'],
];

/** `message` with the CLI's commands and flags named as the MCP tools and arguments that do the same. */
export function inToolTerms(message: string): string {
  return TOOL_WORDING.reduce((text, [phrase, instead]) => (typeof instead === 'string' ? text.replace(phrase, instead) : text.replace(phrase, instead)), message);
}

/**
 * Lists whose items are the engine's own words about the workspace — diagnostics, a write's
 * warnings, the errors that hold a thread, gate failures, why a file or prospect was
 * skipped — each item's `message` or `reason` written for the CLI.
 */
const ENGINE_LISTS = new Set(['diagnostics', 'warnings', 'held', 'heldFollowUps', 'failures', 'skipped']);
const ENGINE_WORDS = ['message', 'reason'];
/** The user's files as written (an agent reads them to write them back): never reworded. */
const AS_WRITTEN = new Set(['frontMatter', 'meta', 'body']);

/**
 * A tool's answer (or an error's details) with the engine's words in the tools' terms:
 * a diagnostic's "Run `threadwork migrate …`" names `migrate_stages`, as the error
 * messages do. Only the items of the engine's lists are reworded; what the user wrote is
 * answered as written.
 */
export function answerInToolTerms<T>(value: T): T {
  return reword(value, false) as T;
}

function reword(value: unknown, engineItem: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => reword(item, false));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (AS_WRITTEN.has(key)) return [key, v];
      if (engineItem && ENGINE_WORDS.includes(key) && typeof v === 'string') return [key, inToolTerms(v)];
      if (ENGINE_LISTS.has(key) && Array.isArray(v)) return [key, v.map((item) => reword(item, true))];
      return [key, reword(v, false)];
    }),
  );
}
