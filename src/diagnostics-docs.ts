import { ERRORS, ERROR_CODES, RULES, RULE_IDS, SYNC_WARNINGS, type RuleId, type RuleInfo } from './diagnostics-catalog.js';

/**
 * The documentation generated from the catalog: the rule table in README.md and the
 * body of docs/rules.md, each between `<!-- rules:begin -->` and `<!-- rules:end -->`.
 * `npm run docs:rules` (or `UPDATE=1` with test/diagnostics-catalog.test.ts) rewrites them;
 * the test fails when they differ from what the catalog renders.
 */

export const BEGIN_MARKER = '<!-- rules:begin -->';
export const END_MARKER = '<!-- rules:end -->';

/** The files holding generated text, relative to the repository root, and what goes in each. */
export const GENERATED_DOCS: readonly { file: string; render: () => string }[] = [
  { file: 'README.md', render: renderReadmeRuleTable },
  { file: 'docs/rules.md', render: renderRulesPage },
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function severityText(info: RuleInfo, long: boolean): string {
  if (!info.warningWhen) return info.severity;
  return long ? `${info.severity} (warning when ${info.warningWhen})` : `${info.severity} or warning`;
}

const AT: Record<RuleInfo['at'], string> = {
  key: 'a key or value; `field` names it',
  'key or file': 'a key or value when there is one (`field` names it), else the file',
  text: 'the place in the text',
  'error or file': 'the error it names when that error is in the file, or what was renamed (an `id`), else the file (line 1)',
  file: 'the file (line 1)',
};

/** The table under `threadwork check` in the README. */
export function renderReadmeRuleTable(): string {
  const rows = RULE_IDS.map((id) => {
    const info: RuleInfo = RULES[id];
    return `| \`${id}\` | ${severityText(info, false)} | ${cell(info.summary)} |`;
  });
  return ['| rule | severity | what it catches |', '|---|---|---|', ...rows].join('\n');
}

/** docs/rules.md: every rule, then every error code. */
export function renderRulesPage(): string {
  const table = RULE_IDS.map((id) => {
    const info: RuleInfo = RULES[id];
    return `| [\`${id}\`](#${anchor(id)}) | ${severityText(info, false)} | ${info.reportedBy.join(', ')} | ${cell(info.summary)} |`;
  });
  const sections = RULE_IDS.map((id) => ruleSection(id));
  const codes = ERROR_CODES.map((code) => `| \`${code}\` | ${cell(ERRORS[code].summary)} |`);
  return [
    '## Rules',
    '',
    '| rule | severity | reported by | what it catches |',
    '|---|---|---|---|',
    ...table,
    '',
    ...sections,
    '## Error codes of --json errors',
    '',
    'A command that fails prints `{ "ok": false, "error": { "code", "message", … } }` with `--json`',
    '(exit 1; `internal` exits 2), and MCP tools answer the same object. Extra keys (`path`,',
    '`known`, `missing`, `diagnostics`) are listed with the code that carries them.',
    '',
    '| code | when |',
    '|---|---|',
    ...codes,
  ].join('\n');
}

/** A rule that is an error or a warning whose warning a sync does not show (SYNC_WARNINGS). */
function warningOnlyByCheck(id: RuleId, info: RuleInfo): boolean {
  return info.warningWhen !== undefined && info.reportedBy.some((r) => r !== 'check') && !SYNC_WARNINGS.has(id);
}

function ruleSection(id: RuleId): string {
  const info: RuleInfo = RULES[id];
  return [
    `### \`${id}\``,
    '',
    `**${severityText(info, true)}** · reported by ${info.reportedBy.map((r) => `\`${r}\``).join(', ')}${warningOnlyByCheck(id, info) ? ' (the warning by `check` only, and by a write in what it writes)' : ''} · points at ${AT[info.at]}`,
    '',
    `${capitalize(info.summary)}.`,
    '',
    `> ${info.message}`,
    '',
    info.docs,
    '',
  ].join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The anchor GitHub gives a `### \`id\`` heading. */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** The text between the markers, without the newlines next to them; undefined when the markers are missing. */
export function generatedPart(text: string): string | undefined {
  const begin = text.indexOf(BEGIN_MARKER);
  const end = text.indexOf(END_MARKER);
  if (begin < 0 || end < begin) return undefined;
  return text.slice(begin + BEGIN_MARKER.length, end).replace(/^\r?\n/, '').replace(/\r?\n$/, '');
}

/** `text` with what is between the markers replaced by `content`. Throws when the markers are missing. */
export function replaceGenerated(text: string, content: string): string {
  const begin = text.indexOf(BEGIN_MARKER);
  const end = text.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`Missing ${BEGIN_MARKER} … ${END_MARKER}`);
  return `${text.slice(0, begin + BEGIN_MARKER.length)}\n${content}\n${text.slice(end)}`;
}
