/**
 * The engine's refusals are written for the CLI: "create one with `threadwork deal new`",
 * "--subgoal SG1 needs --goal". An agent calling over MCP has no shell and no flags: told
 * that, it runs a command it cannot run or passes an argument the tool does not take. Its
 * error says the same in the tools' terms — the tool and the argument — with the same code
 * and details. Each phrase the engine's messages use is listed; anything else is kept.
 */
const TOOL_WORDING: readonly [RegExp, string][] = [
  [/`threadwork deal new`/g, 'the `create_deal` tool'],
  [/`threadwork campaign new`/g, 'the `create_campaign` tool'],
  [/`threadwork campaign draft`/g, 'the `draft_campaign` tool'],
  [/`threadwork advance ([^`]+)`/g, 'the `advance` tool, "thread": "$1"'],
  [/`threadwork migrate ([^`]+)`/g, 'the `migrate_stages` tool, "paths": ["$1"]'],
  [/`threadwork history ([^`]+)`/g, 'the `history` tool, "subject": "$1"'],
  [/`threadwork strategy --force`/g, 'the `generate_strategy` tool with "force": true'],
  [/`?threadwork (check|sync)\b`?/g, 'the `$1` tool'],
  [/--slug ([a-z0-9-]+)/g, '"slug": "$1"'],
  [/--text ("[^"]*")/g, '"text": $1'],
  [/--(slug|goal|subgoal|segment|date|force|title|text)\b/g, 'the `$1` argument'],
];

/** `message` with the CLI's commands and flags named as the MCP tools and arguments that do the same. */
export function inToolTerms(message: string): string {
  return TOOL_WORDING.reduce((text, [phrase, instead]) => text.replace(phrase, instead), message);
}
