/**
 * The one list of every diagnostic rule and every `ThreadworkError` code. A rule id or an
 * error code that is not a key here fails the typecheck; the README's rule table and
 * docs/rules.md are rendered from these entries (see diagnostics-docs.ts and
 * `npm run docs:rules`), and a test keeps them equal.
 */

export type Severity = 'error' | 'warning';

/** The commands whose output can carry a rule's diagnostics. */
export type Reporter = 'check' | 'sync' | 'watch' | 'strategy' | 'write' | 'campaign';

export interface RuleInfo {
  /** The severity it is reported with. */
  readonly severity: Severity;
  /** When set, the same rule is reported as a warning in this case (the severity above otherwise). */
  readonly warningWhen?: string;
  /**
   * Which commands report it. `write` is every command that validates what it writes (`advance`, `deal new`, `migrate`,
   * `campaign draft`/`approve`/`reply`, the MCP tools doing the same): it refuses on errors — in what it writes, or in the
   * meta.json and stage files of a thread it writes into (`thread-in-error`) — and, going ahead on a warning, shows check's
   * warnings in the files it wrote and built on (its `warnings`), so a warning's list never names it. `campaign` is the campaign
   * commands' own refusals and gates (`due` included). A sync (and so a watch cycle) shows errors and only the warnings in SYNC_WARNINGS.
   * For a rule with `warningWhen`, the warning is `check`'s alone unless the rule is in SYNC_WARNINGS.
   */
  readonly reportedBy: readonly Reporter[];
  /**
   * What the position points at: `key` (a key or value in the file; the diagnostic carries
   * `field`, its data path), `key or file` (a key when there is one to point at),
   * `text` (a place in the text, e.g. a syntax error) or `file` (the file as a whole: line 1).
   */
  readonly at: 'key' | 'key or file' | 'text' | 'file';
  /** What it catches, in a line: the README table's text. */
  readonly summary: string;
  /** The message it prints; `{…}` stands for what varies. */
  readonly message: string;
  /** Why it matters and how to fix it: docs/rules.md. */
  readonly docs: string;
}

export const RULES = {
  read: {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a file that cannot be read (permissions, a file removed while reading)',
    message: 'Cannot read file: {errno code}',
    docs: 'The file exists in the listing but reading it failed. Check its permissions; the rest of the workspace is still checked.',
  },
  'yaml-syntax': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'front matter, config or ICP that is not valid YAML — at the position of the error',
    message: 'Invalid YAML: {parser message, or duplicate key `{key}` (first on line {line})}',
    docs: 'The YAML parser stopped here. An unclosed quote or `[`/`{` is reported where it opened, not where the text ends; a key written twice in one map is reported at the second, with the line of the first — every such key of the file, each at its own place, so one pass fixes them all. A value holding `: ` (`signal: Re: your email`), which YAML reads as a second key, is reported once at the value, naming its key: quote the value (with straight quotes: curly ones, “ ”, as a word processor writes them, are text to YAML, and the message says so). A key indented differently from the keys around it is reported once, at that key (more indented than the key above it too, which the parser reads as part of that key\'s value), naming the two keys that disagree and how far each is indented; the lines indented under it, which the parser misreads, are not reported again. A list item indented under a key that has a value (`source: inbound`, then `  - item`), or under another list item, is valid YAML that reads as more of that value ("inbound - item"); it is reported at the `-` as the indentation mistake it is, naming the value it would join. An unclosed quote, `[` or `{`, a line of text without `key:`, a list item where a key was expected, text after a closing quote or bracket, a `]` or `}` that closes nothing, and a value starting with a character YAML reserves (`@`, a backtick) each say what to write instead of the parser\'s wording, one error per line. Values derived from the file are held at their last valid version until it parses again (`derived-held`). A key that lost its colon (`segments` over the list under it, `title "Customer segments"`) is said as the colon to add, a list item with no space after its dash (`-id:`) at the dash, and a list under no key — its key still commented out as the canvas templates leave their examples (`# segments:`), or deleted — at the list, naming the key to uncomment; each once, the lines the parser misread after it left unsaid.',
  },
  'yaml-limit': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'YAML over a parse limit: an alias bomb, nesting too deep, a file too large',
    message: 'YAML over a limit: {limit}',
    docs: 'The file is refused before it is fully parsed, so a hostile or runaway file cannot exhaust memory or time. Remove the aliases, flatten the nesting, or split the file.',
  },
  'yaml-merge-key': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'a YAML merge key (`<<: *defaults`) in front matter, config or ICP — at the `<<`',
    message: 'Unsupported YAML merge key `<<`: threadwork reads YAML 1.2, which has no merge keys, so nothing would be merged: write {keys} (from &{anchor}) out in this map instead',
    docs: 'Merge keys are YAML 1.1; threadwork reads YAML 1.2 (core schema), where `<<` would be an ordinary key and every merged value would be missing from the map — so the file is refused rather than read wrong. Threadwork also edits values in place (a prospect\'s status, a stage an agent writes), and a merged value has no place of its own to edit. Write the keys out in each map that merged them; anchors and aliases of whole values (`contacts: *team`) are fine. A quoted `"<<"` is an ordinary key. Values derived from the file are held at their last valid version until it is fixed (`derived-held`).',
  },
  'json-syntax': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'a `meta.json` that is not valid JSON, not a JSON object, or has a key twice in one object — at the position of the error',
    message: 'Invalid JSON: {parser message, or duplicate key "{key}" (first on line {line})}',
    docs: 'A thread\'s `meta.json` must be one JSON object. The position is where the parser stopped; an empty file is reported at line 1, a file that ends before its JSON does (saved half-way) at its end, saying so, and a comma left after the last entry of an object at that comma. Every key written twice in one object is reported, each at its second occurrence: JSON.parse would keep only the last value, and sync\'s rewrite of the file would drop the other without a word (YAML front matter refuses a duplicate key the same way). The file is held as broken until it is fixed.',
  },
  'parse-failed': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a file the parser failed on in a way that is not a syntax error',
    message: 'Cannot parse file: {reason}',
    docs: 'The file could not be parsed and no syntax position is known. The other files are still checked; report it if the file looks valid.',
  },
  'front-matter-unclosed': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a file whose front matter is never closed (often a file saved half-way)',
    message: 'Unclosed front matter: the `---` on line 1 has no closing `---` line',
    docs: 'The opening `---` has no closing `---` (or `...`) line. Add it after the last YAML key. When a `---` line further down the prose (a thematic break) closed it instead, the prose reads as YAML: a Markdown heading after a blank line is a YAML comment, and a line like `Some prose: x` a key. That is reported at the heading (`Unclosed front matter: the Markdown heading `# H` here is read as a YAML comment and the prose below it as keys …`) when both signs are there — such a heading, and below it a key with a space in it, which no field has; a comment in front matter alone is never taken for it.',
  },
  'line-endings-cr': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a Markdown file whose lines end in a lone carriage return (CR, classic Mac OS): read as one line, its front matter cannot be found',
    message: 'Lines end in a lone carriage return (CR, as classic Mac OS saved text): threadwork reads the file as one line, so its front matter cannot be found; expected LF (or CRLF) line endings — re-save the file with them in your editor',
    docs: 'The file opens with `---` but its lines end in a lone carriage return (CR), as classic Mac OS and some old exporters save text, so it is one long line to threadwork and to git. Re-save it with LF (or Windows CRLF) line endings — most editors show and change the line endings in their status bar. threadwork does not convert them itself: it never rewrites what you wrote. Until then the file is held as any file in error.',
  },
  'front-matter-opening': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'front matter whose opening `---` is not the first line or not three hyphens (a blank line above it, `--`, `----`, an editor\'s `—`): read as none, nothing in it would count',
    message: 'Front matter not at the top: its `---` is on line {n}, below {k} blank lines … | Front matter opened with `{line}`: expected exactly three hyphens, `---` …',
    docs: 'Front matter is read only from a `---` on the file\'s first line. A blank line pasted above it, or an opening line typed `--` or `----` (or turned into a dash `—` by an editor\'s autocorrect), leaves a file that reads as having none: a stage file would count for nothing — a won deal\'s `6-learning.md` reopening the deal, its ARR leaving the metrics — with only a `stage-front-matter-missing` warning whose `migrate` would write a second block above it. When the line after such a fence is a `key:` as threadwork writes them (comments skipped) and a closing `---` follows, it is this error instead: delete the blank lines, or write the line as `---`. Blank lines are reported at line 1, a mistyped fence at its line. Until then the file is held at its last valid version, as any file in error.',
  },
  'front-matter-not-object': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'front matter that is a list or a single value instead of `key: value` pairs',
    message: 'Unexpected front matter: expected `key: value` pairs, not a list or a single value',
    docs: 'Front matter holds a YAML mapping. A list (`- a`) or a bare value at the top level cannot carry the fields the file needs.',
  },
  'merge-conflict': {
    severity: 'error',
    warningWhen: 'every conflict of the file lies inside a block threadwork derives (the assumptions, metrics, goal state or campaign results block), the sides of a thread\'s `meta.json` differ only in fields threadwork derives, or a content thread\'s `1-input.md` was opened on both sides for the same event (its sides differ only in `sources`): sync writes them anew',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'git merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) left in a file — at the first `<<<<<<<`',
    message: "Unresolved merge conflict: git's markers `<<<<<<< {ours}` (line {n}) … `>>>>>>> {theirs}` (line {m}) are still in the file: expected one version — keep the lines you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines",
    docs: 'A merge, rebase or cherry-pick stopped on a conflict and the file still holds both versions between git\'s markers — in the front matter, in `meta.json` or in the prose alike; in a JSON or YAML file, or the front matter of a Markdown file, also when a formatter has indented the markers with the lines around them (in a Markdown body an indented quote of them is a code block). Keep the version you want (or write one from both), delete the three marker lines, then `git add` the file and finish the merge. Until then the file is held at its last valid version (`derived-held`) and never committed; during the merge, sync writes but does not commit anyway. A conflict that lies only inside a block threadwork derives — what two people who each closed a deal and synced leave in the metrics, assumptions and goal blocks when the second one pulls — has no version to choose: it is a warning saying the markers are still in the file, the file is read as it is, and `sync` (or `watch`) replaces the block, markers and both versions, with what the merged threads give; then `git add` the file and finish the merge. Committed with the markers in (`git commit -a`), the warning stays until sync runs, which then commits the file without them: neither sync nor watch ever commits a file with markers (a conflict anywhere else in the same file keeps it an error). In a thread\'s `meta.json` whose sides differ only in the fields sync derives (`stage`, `status`, dates and scores: two people who each moved the same deal and synced), there is no version to choose either: it is a warning naming those fields, the file is read as the side above the `=======` (every field a person wrote is the same on both), and `sync` (or `watch`) writes it anew with them derived from the merged stage files, every field a person wrote kept. A content thread both people\'s syncs opened for the same validated assumption (its folder is named after the assumption, so it is one folder on both sides) stops the pull on its `1-input.md`, the two versions differing only in the `sources` each side had: that too is a warning, and sync writes it once with the sources of both. When a written value of a `meta.json` differs, the error names what the sides differ in: the values a person wrote to choose between (`created`, `title`, a goal…), with each side\'s value, and the derived ones for which either side will do — sync recomputes them.',
  },
  'file-empty': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a Markdown or YAML file with nothing but white space in it (often a save cut short): held at its last valid version',
    message: 'Empty file: expected front matter (`---`, its keys, `---`) and the text of the file; an empty file is often a save cut short',
    docs: 'An editor that truncates a file before writing it, a disk that filled up, a sync client half-way: an empty stage, canvas, goal or draft file, ICP, suppression list or `threadwork.config.yaml` is never read as a file that states nothing. Like any broken file it is held at its last valid version (docs/derivation.md) and never committed. Undo the save, or write the file again. For a YAML file the message says what it holds: `Empty file: expected YAML keys (…)`. An empty suppression list fails closed like an invalid one (write `suppressed: []` for a list with no address); an empty config keeps the last valid settings — to use the built-in defaults, delete the file (it is optional) or write `{}`.',
  },
  'not-text': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'a Markdown file holding a control character (a NUL, an escape…): binary or damaged, held at its last valid version',
    message: 'Not a text file: control character {code} here; expected Markdown text (the file may be binary, or damaged)',
    docs: 'No Markdown file of the workspace holds a control character other than tab, line feed, form feed or carriage return: one that does is binary (an image or a document saved under a `.md` name) or damaged. It is held at its last valid version and never committed. Restore the file from git (`git checkout -- <file>`) or write it again.',
  },
  utf16: {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a workspace file saved as UTF-16 (Windows Notepad\'s "Unicode", PowerShell 5\'s `Out-File` and `>`): held at its last valid version, never written',
    message: 'Unexpected UTF-16 {LE|BE} text (it starts with the byte-order mark {FF FE|FE FF} | no byte-order mark, but every other byte is zero): expected UTF-8, the only encoding threadwork reads — save the file again as UTF-8 (Notepad: Save As, Encoding "UTF-8"; PowerShell: `Set-Content -Encoding utf8`)',
    docs: 'threadwork reads every file as UTF-8. A Markdown, JSON or YAML file of the workspace saved as UTF-16 — recognised by its byte-order mark (FF FE little-endian, FE FF big-endian), or without one when each of its first 32 characters is one zero byte and one other, in the same order (plain Latin text) — is reported once, at line 1, instead of the errors its bytes read as UTF-8 would give (`not-utf8`, `not-text`, `json-syntax`). Like any broken file it is held at its last valid version (`derived-held`), never edited and never committed. Save it again as UTF-8: in Notepad, Save As with the Encoding "UTF-8"; in PowerShell 5, write with `Set-Content -Encoding utf8` or `Out-File -Encoding utf8` (PowerShell 7 writes UTF-8 already); or `iconv -f UTF-16 -t UTF-8`. UTF-16 text without a byte-order mark that starts with other characters is not guessed at, and is reported as before.',
  },
  'front-matter-missing': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a file with required fields that does not start with `---` front matter',
    message: 'Missing front matter: expected the file to start with a `---` line, its YAML keys, then `---`',
    docs: 'Reported together with the `schema` errors for the fields it lacks. Start the file with `---`, the keys, then `---`.',
  },
  schema: {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a value of the wrong type or out of range, a missing key, an unknown enum value',
    message: 'Invalid `{field}`: {expected} (got {value}) | Missing `{field}`: {expected}',
    docs: 'The file parsed but a value does not match the file\'s schema (`schemas/*.schema.json`). The diagnostic points at the value (its range covers it) and carries `field`, the data path (`contact.email`, `actions[2].status`); a missing key points at the map that should hold it. `{expected}` says what may be written there in the file\'s terms — a number, a list, `key: value` pairs, one of the allowed values — and `{value}` what was found. Where text was expected and YAML read a number or true/false (`phone: 01712345678`, `name: 1800`), it says what was written, what it read as, and to write it in quotes — when the text as written would be taken there. Where a number was expected and the text reads as one (`employees: 1,800`, `csat: 7/10`, `margin: 82%`), it names the number to write (`write 7/10 as 7`) — a fraction or a percentage on the field\'s own scale (0–10 for `csat`, 0–1 for a probability), and only a number the field takes; a share written as a whole number of percent on a 0–1 field (`margin: 40`) is told the fraction (`write 40 (40%) as 0.4`). Allowed values are written as listed — only `framework` is read in any case — and one written in another case or with other separators (`strategic_value: High`, `outcome: Closed Won`, a thread\'s `source: Inbound`) is told the spelling to write. Unknown keys are never an error.',
  },
  'config-unknown-key': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a key in a section of `threadwork.config.yaml` that the section does not have (`autonomy.daily_caps.linkedn`): ignored',
    message: 'Unknown key `{key}` in `{section}`: expected one of {keys} — it is ignored, so its setting has no effect (a typo?)',
    docs: 'The config\'s sections (`confidence`, `pipeline`, `git`, `experiments`, `forecast`, `autonomy` and `autonomy.daily_caps`…) have the keys docs/file-formats.md lists; a key they do not have is most often a typo (`linkedn: 30` for `linkedin`), and the setting it was meant to change stays at its default. Rename it to the key it names, or delete it. The settings around it still hold. Keys at the top level of the file are yours to add and not reported here; one written almost as a key threadwork reads (`confidance:`, `compnay:`) is `key-misspelt`.',
  },
  'metric-target-unknown': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a target in `strategy/canvas/13-metrics.md` that no row of its table measures (`mrr: 20000`): ignored',
    message: 'Unknown target `{key}`: 13-metrics shows targets for {targets} — `{key}` is measured by no row of its table, so it is ignored[; a goal in goals/ can target `{key}`]',
    docs: "13-metrics's table measures the targets docs/file-formats.md lists; any other key under `targets` was read and ignored without a word. A goal's metric that the table has no row for (`mrr`) can be targeted in a goal file instead (`metrics: [{name: mrr, target: 20000}]`); otherwise rename the key to one the table shows, or delete it. A key written almost as one of them (`win_rat:` where the file has no `win_rate:`) is `key-misspelt` instead.",
  },
  'key-misspelt': {
    severity: 'warning',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'key',
    summary: 'a key in front matter, meta.json or at the top of the config written almost as one threadwork reads (`outcom:` for `outcome:`), which it lacks: ignored',
    message: 'Unknown key `{key}`: expected `{meant}` — threadwork reads `{meant}` and ignores `{key}` as a field of yours, so its value has no effect (a typo?)',
    docs: 'Keys threadwork does not read are yours and kept, so a key typed one slip off the one meant (`outcom: closed-won`, `assumptoin: A3`, `Loss-Reason:`, `"goal-id"`) is read as a field of yours and the value meant is not read at all: a won deal stays open, a deal counts towards no goal. A key is reported when it is the key meant once case, spaces and hyphens are ignored, or one or two typing slips from it (one for a key under eight letters, none under four), and that key is not in the same map — `outcomes:` beside `outcome:` is taken as yours. One key is reported under another file\'s word for it: a segment\'s `filters.technologies` (the technologies are `tech_stack` there; a deal\'s `company.technologies`), and `tech_stack` under a deal\'s `company`. Rename it to the key the message names. Lists of entries (`validations`, `actions`, `prospects`) are checked entry by entry; the keys of `criteria` are data (`criterion-unrecognised`).',
  },
  'meta-field-in-stage': {
    severity: 'warning',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'key',
    summary: 'a key of meta.json (`status`, `stage`, `segment`, `goal_id`…) at the top of a stage file whose stage does not read it: ignored',
    message: '`{key}` is not read here: {where} — written in a stage file it is a field of yours and has no effect',
    docs: 'A thread\'s identity and links (`segment`, `goal_id`, `subgoal`, `title`, `created`…) are read from its meta.json, and what sync derives (`status`, `stage`, `pipeline_stage`, the scores) is written there from the stage files. The same key at the top of a stage file\'s front matter is read by nothing — unknown keys are yours and kept — so `status: closed-won` in 6-learning.md leaves the deal open, and `segment:` in a deal\'s 1-input.md leaves it in the segment meta.json names. A stage that reads the key itself is not reported (a campaign\'s 1-input.md takes `segment` and `goal_id`, a deal\'s takes `source`). To close a deal write `outcome` in 6-learning.md; to move a thread to another segment or goal edit its meta.json; otherwise delete the line or rename the key.',
  },
  'canvas-missing': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a canvas section missing from `strategy/canvas/`',
    message: 'Missing canvas section {section}.md: expected all 16 sections',
    docs: '`threadwork init` scaffolds all 16 sections; a missing one leaves what depends on it without input.',
  },
  'canvas-unknown': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a file in `strategy/canvas/` that is not one of the 16 sections',
    message: 'Unexpected canvas file `{name}.md`: expected one of {sections}',
    docs: 'Often a misspelt section name: the file is ignored, so rename it to the section it is meant to be.',
  },
  'stage-file-name': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a file in a thread folder named almost like a stage file (`6-learnings.md`, `4-Decision.md`, `06-learning.md`): not read, and its thread held at `HEAD` until it is renamed',
    message: 'Not a stage file name: `{name}` is ignored, so nothing in it counts for the thread; expected `{stage file}` — rename it',
    docs: 'A stage file renamed by a slip — its case, or one or two letters off the stage of its number — is not a stage file: the thread read without that stage is wrong (a won deal would reopen, its learning drop out of the confidences and metrics). So the thread is held at its version in `HEAD`, as a thread with a cross-file error is: sync commits none of its changes (the old name deleted included) nor anything they would move (`derived-held`), and a command that writes into the thread refuses (`thread-in-error`). Rename the file to the name the error gives. A file of notes named on purpose (`6-learning-notes.md`) is not reported; one beside the stage file it is named like is a copy, `stage-file-copy`, a warning that holds nothing.',
  },
  'stage-file-copy': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a file named almost like a stage file beside that stage file (`6-learning2.md` next to `6-learning.md`): not read; the thread is read from its stage file',
    message: 'Not a stage file name: `{name}` is ignored beside the thread\'s `{stage file}`, which is read; move what it holds into `{stage file}`, or rename it away from the stage\'s name if it is notes',
    docs: 'A copy an editor or a person kept beside a stage file (`6-learning2.md`, `6-Learning.md` next to `6-learning.md`). The thread is read from the stage file, so nothing is held; the copy is ignored. Renaming it to the stage name, as `stage-file-name` would say, would overwrite the real stage: move what it holds by hand, or give it a name further from the stage (`6-learning-notes.md`). Without the stage file beside it, the same name is `stage-file-name`, an error that holds the thread.',
  },
  'unknown-assumption': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a reference to an assumption that is not in `10-assumptions.md`',
    message: 'Unknown assumption `{id}` (not in 10-assumptions.md): expected one of {known}',
    docs: 'Goals and stage files (`tests`, `validations[].assumption`) name assumptions by id. Add the assumption to the canvas or fix the id. An id of the wrong form (`a7`, `A 7`) is not reported here but once, as a `schema` error at the same place, which names the id it looks like (`A7`). While `10-assumptions.md` itself cannot be read (saved half-way, a syntax error), its ids are unknown rather than absent: only its own error is reported. So is a row whose own id is of the wrong form (`id: a1`): a reference to the id it was meant to have (`A1`) is to that row, and only the row\'s `schema` error is reported.',
  },
  'unknown-segment': {
    severity: 'error',
    warningWhen: 'an ICP file names a segment that is not defined',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key or file',
    summary: 'a reference to a segment that is not in `04-segments.md`',
    message: 'Unknown segment `{id}` (not in 04-segments.md): expected one of {known}',
    docs: 'Threads, assumptions (`10-assumptions.md`) and problems (`05-problem.md`) name a segment by id; one naming a segment `04-segments.md` lacks belongs to none, and a segment renamed there holds the canvas at `HEAD` until none names the old id (`derived-held` lists each use, at its line and column). For an ICP file (`{segment}-icp.yaml`) the file name is the reference: the warning points at its `segment:` value when that names the same segment (as a generated file does), else at the file.',
  },
  'unknown-goal': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a `goal_id` naming a goal that is not in `goals/`',
    message: 'Unknown goal `{id}` (not in goals/): expected one of {known}',
    docs: 'A thread contributes to a goal by its id, the name of the goal file without `.md`. A goal file that cannot be read (saved half-way, emptied), or whose `id` is no goal id (`G-Fintech`: a `schema` error), is still the goal its name says: only its own error is reported, not every thread that names it. Only goal ids are listed as the known goals, here and in the refusals of `deal new --goal` and `history`: a file named `G-Fintech.md` is offered as none. A `goal_id` of the wrong form (`G-MRR-50K`, `g_mrr_50k`) is not reported here but once, as a `schema` error at the same place, which names the id it looks like (`g-mrr-50k`).',
  },
  'unknown-subgoal': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a `subgoal` that its goal does not define',
    message: 'Unknown subgoal `{id}` of {goal} (not in goals/{goal}.md): expected one of {known}',
    docs: 'Subgoal ids are listed under `subgoals` in the goal file. A subgoal removed from it (or its id renamed) while threads still name it is held, as a goal removed is: the threads stay at their version in HEAD, and so does the goal file — neither edited nor committed, a `derived-held` warning naming the threads — so that HEAD never holds a thread naming a subgoal its goal lacks. Once they name another subgoal (or none), the next sync commits the goal file with them.',
  },
  'subgoal-without-goal': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a `subgoal` without the `goal_id` it belongs to',
    message: 'Subgoal `{id}` without a goal: expected `goal_id` naming the goal it belongs to',
    docs: 'A subgoal id is only unique within its goal; add `goal_id`.',
  },
  'deal-without-goal': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a deal whose `meta.json` names no `goal_id` while `goals/` holds goals: it counts toward none of them',
    message: 'Deal {id} counts toward no goal: expected `"goal_id"` in its meta.json naming one of {known}',
    docs: 'A goal counts only the threads linked to it, so a deal opened without `--goal` is in the pipeline, the forecast and `report pipeline`, but in no goal\'s `won_count`, `won_arr` or `pipeline_count`: won, it leaves the goal at 0 of 3. Add `"goal_id": "g-…"` to the deal\'s meta.json (and `"subgoal"` for one of its subgoals); the next sync counts it. A workspace with no goal file gets no such warning. `deal new` without `--goal` prints it at once (a write shows the warnings in what it writes).',
  },
  'closed-mid-sequence': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: "a campaign's Stage 6 `closed` date while 5-actions.md still has prospects in the sequence (active or queued, touches left)",
    message: 'Campaign closed on {date} with {n} prospects still in its sequence ({names}): closing stops their touches, yet 5-actions.md lists them as active or queued; expected each set to `completed` (or `nurture` with a `revisit`), or `closed` removed to go on',
    docs: 'A closed campaign sends nothing more (docs/outreach.md): `due`, `campaign draft` and `approve` stop every prospect once `closed` is given. A prospect whose status still sends (`active`, `queued` or none) with touches left in the sequence (the touches sent counted as `due` counts them: `touches_done`, or the last touch a draft marked `status: sent` records when that is more) was cut off by the close, which the file does not say: its record reads as someone still being contacted. Set each such prospect\'s `status` to `completed` (the sequence ended for them) or `nurture` (with a `revisit` date, which `due` lists), or remove `closed` if the campaign goes on. Up to five prospects are named; the count says how many.',
  },
  'prospect-in-two-campaigns': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: "a prospect still in the sequences of two open campaigns: `due` lists both campaigns' touches to one person",
    message: '{email} is also in the sequence of {campaign}: `due` lists the touches of both campaigns to them, two cold sequences to one person. Keep them in one (remove them here, or set `status: completed` in one), or leave it if both are meant',
    docs: 'Each campaign\'s sequence runs on its own: an address in two (compared trimmed and lower-cased) gets both, on the same day when the campaigns start together. Only prospects still in a sequence count — not stopped (suppressed, unsubscribed, replied, meeting, bounced, completed, nurture, or the campaign closed) and with touches left (`touches_done`, or a draft marked sent) — so an unsubscribe or a reply in one campaign, which stops the other too through the suppression list or by hand, ends the warning. Reported at the address in each campaign but the first by path, which it names. A warning: two offers from two senders may be meant.',
  },
  'campaign-links-disagree': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: "a campaign's Stage 1 `goal_id` or `segment` that is not the one its `meta.json` names: only meta.json's counts",
    message: 'Campaign Stage 1 names {goal or segment} `{written}` but its meta.json names {counted}: the campaign counts toward {counted}; expected `"{key}": "{written}"` in meta.json (or the same value in both)',
    docs: 'A thread is linked to its goal and segment by its `meta.json`, as a deal is: the goals\' counts, the forecast, `report campaigns` and the deals `campaign reply` opens all read it. `campaign new` writes the links to both files; one edited in `1-input.md` alone (a goal chosen later, a segment renamed) is shown to the reader there but counted nowhere, so it is reported at the Stage 1 key. A deal opened by `campaign reply` while meta.json names no goal takes the goal Stage 1 names, which is the campaign\'s declared goal. Copy the value into meta.json (or out of Stage 1); the warning goes at the next check.',
  },
  'unknown-campaign': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a `source: campaign:{id}` naming a campaign that does not exist',
    message: 'Unknown campaign `{id}` (not in threads/sales/campaigns/): expected one of {known}',
    docs: 'The deal still counts; only its attribution to the campaign is lost. Fix the id or the campaign folder\'s name.',
  },
  'unknown-source-thread': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a `source: thread:{path}` naming a thread folder that does not exist',
    message: 'Unknown thread `{path}` in `source`: no thread folder there; expected the path of one (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug})',
    docs: 'The deal still counts; only what led to it is lost. Fix the path, or the folder\'s name if the thread was renamed.',
  },
  'duplicate-suppression': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'an address listed twice on the suppression list (compared trimmed and lower-cased)',
    message: 'Duplicate suppression entry `{email}`: already listed on line {line}. Keep one entry per address, or taking it off the list by hand leaves the other',
    docs: 'Reported at the second entry\'s `email`. The address stays suppressed either way; remove one of the entries so that taking it off the list is one edit.',
  },
  'duplicate-id': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'two segments, assumptions, goals, subgoals, threads or campaign prospects with the same id',
    message: 'Duplicate {kind} id `{id}` on line {line}, column {column}: first used on line {line}, column {column}; expected each {kind} to have its own id',
    docs: 'References by id would be ambiguous. The second occurrence is reported, pointing at its id; the message gives the line and column of both in the list (segments, assumptions, a goal\'s subgoals). A thread or goal id used twice names the other file instead (`already used by {path}`).',
  },
  'stage-order': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a stage file without its predecessor (e.g. `3-implication.md` without `2-hypothesis.md`)',
    message: 'Stage file {file} has no predecessor: expected {previous} in {thread}',
    docs: 'Threads advance one stage at a time; restore or write the missing stage.',
  },
  'closed-before-created': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a Stage 6 `closed` date before the thread\'s `created` date in meta.json',
    message: 'Close date {closed} is before the thread was created ({created}, `created` in meta.json): expected a date on or after it',
    docs: 'One of the two dates is wrong, and the cycle time (creation to close) cannot be right: it is left out of `cycle_time_days` and `avg_cycle_days` rather than counted as 0. Fix the typo; if the deal began before it was recorded in threadwork, set `created` in meta.json to the day it began. Like an unknown id, sync reports it and leaves the file out of its commit; `advance` and MCP `write_stage` refuse to write it.',
  },
  'deadline-before-created': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'key',
    summary: "a goal's `deadline` before its `created` date",
    message: 'Deadline {deadline} is before the goal was created ({created}, `created`): expected a date on or after it. Until it is, the goal would be missed from its first day; if the dates are swapped, swap them back',
    docs: 'A goal runs from the day it was created to its deadline: its trajectory compares the share of the way done with the share of that time gone, and a deadline already past makes it `missed`. A deadline before `created` (a year mistyped, 2026 for 2027, or the two dates swapped) would turn the goal missed from its first day, its forecast horizon gone. Like a deal\'s close date before its creation date (`closed-before-created`), it is an error: sync reports it and neither edits the goal file (its state block stays as it was) nor commits it until the date is fixed. A deadline on the day the goal was created passes.',
  },
  'abandoned-before-created': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'key',
    summary: "a goal's `abandoned` date before its `created` date",
    message: 'Abandoned date {abandoned} is before the goal was created ({created}, `created`): expected a date on or after it, or `abandoned: true`',
    docs: 'A goal is given up after it begins: `abandoned` is `true` or the day it was given up, and a day before `created` is a typo (a year mistyped, the date of another goal). The goal counts as abandoned either way, but its file would say it ended before it began. Like a deadline before `created` (`deadline-before-created`), it is an error: sync reports it and neither edits the goal file (its state block stays as it was) nor commits it until the date is fixed. An `abandoned` day equal to `created` passes.',
  },
  'reached-before-created': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'key',
    summary: "a subgoal's `reached` date before its goal's `created` date",
    message: 'Reached date {reached} of subgoal {id} is before the goal was created ({created}, `created`): expected a date on or after it — no subgoal is reached before its goal begins. Fix the date, or remove `reached` to have the subgoal judged on its value again',
    docs: 'A subgoal\'s `reached` is the day sync first found its target reached (docs/derivation.md), and it keeps the subgoal `completed` after. Sync never records a day before the goal\'s `created` — for a goal planned ahead it records none until the goal begins — so such a date is a slip — a year mistyped, a `reached` copied from another goal — or one that an earlier version of threadwork recorded for a goal planned ahead. Like a deadline before `created` (`deadline-before-created`), it is an error: sync reports it and neither edits the goal file (its state block stays as it was) nor commits it until the date is fixed, or `reached` is removed and the subgoal judged on its value again. A subgoal has no `created` of its own: it begins with its goal.',
  },
  'date-in-future': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a date recorded as done — Stage 6 `closed` or `published`, a Stage 5 action\'s `completed`, a reply record\'s `date`, the Stage 1 `date` of a deal or content thread, a signal `date`, a campaign prospect `data_date`, a deal\'s `created` in meta.json, a goal\'s `abandoned` date, a subgoal\'s `reached` — more than a day after today',
    message: '{Close date | Publication date | Completion date | Reply date} {date} is after today ({today}): expected the day it happened; {Signal date | Input date | Data date} {date} is after today ({today}): expected the day the facts were gathered or the event happened; Creation date {date} is after today ({today}): expected the day the deal was opened, today or before; Abandoned date {date} is after today ({today}): expected the day the goal was given up, today or before, or `abandoned: true`; Reached date {date} of subgoal {id} is after today ({today}): expected the day its target was first reached, today or before',
    docs: 'A date to come cannot have happened: it is most often a typo (2027 for 2026), and it would count a deal as closed before it is. Today is the local date, or `THREADWORK_TODAY`; a date one day after it passes, for a colleague already on the next day. Such a date never moves the goals\' as-of date past today (docs/derivation.md). Plans go in `due` (actions) or `revisit` (a DEFER decision). Like an unknown id, sync reports it and leaves the file out of its commit; `advance` and MCP `write_stage` refuse to write it. A reply record (`replies/`, written by `campaign reply`) is read by `check` only, as nothing is derived from it: its `date` is the day the reply came, and `campaign reply --date` with a day to come is refused with this error, nothing written; its `revisit` and `returns` are plans and may be later. What was learned about a company is dated too: a deal Stage 1 `date` (the day of the signal, which the lead score reads as the data date) and each signal `date`, a campaign prospect `data_date` and signal dates; one to come would read as the freshest data there is in the lead and ICP scores. A campaign Stage 1 `date` is its start, a plan, and may be later. A deal\'s `created` (meta.json) is the day it was opened: one to come is reported too, as `deal new --date` refuses it — a typo there would date its ICP freshness from then and age it as new in the forecast; a campaign\'s `created` is its start, a plan, and may be later. A goal\'s `abandoned` date and a subgoal\'s `reached` are days that came too: a goal counts as abandoned, a subgoal as completed, from the moment the key is there, so a day to come says what did not happen yet (sync records `reached` as a day that has come, never one after today). Like `reached-before-created`, sync reports it and neither edits nor commits the goal file until it is fixed.',
  },
  'won-without-arr': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a deal recorded as closed-won without its `arr`',
    message: 'Closed-won without ARR: expected the annual value the deal closed at. Until it is filled in, the deal counts as won but is left out of won ARR and the average deal size',
    docs: 'A win with no amount is not a win worth 0: the metrics count the deal in `won` and the win rate, and leave it out of every ARR sum and average (13-metrics.md says how many were left out), so the average deal size is not pulled down. Write the `arr` it closed at.',
  },
  'arr-without-win': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a deal recorded as closed-lost or stalled with an `arr`',
    message: 'ARR on a {outcome} deal: expected `arr: null` unless the deal is closed-won. It is counted in no ARR figure; if the deal was won, set `outcome: closed-won`',
    docs: 'The mirror of `won-without-arr`: `arr` is the annual value a deal was signed at, so only a win has one. The metrics read it from closed-won deals only, so an ARR written on a lost or stalled deal (an estimate left in, or a win recorded with the wrong outcome) is counted nowhere. Set `arr: null`, or correct the `outcome`; the potential value belongs in Stage 3 `arr_potential`.',
  },
  'closed-without-date': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a deal recorded as closed-won or closed-lost without its `closed` date',
    message: 'Closed ({outcome}) without its date: expected `closed`, the day the deal closed. Until it is filled in, the deal has no cycle time and is left out of the average and median cycle',
    docs: 'A deal\'s cycle time runs from the day it was opened (meta.json `created`) to the day it closed: without `closed`, its `cycle_time_days` is empty and the metrics\' average and median cycle leave it out, so they move without saying why. The deal still counts as won or lost (the win rate, won ARR). Write the day it closed; a date to come is `date-in-future`.',
  },
  'validation-repeated': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'one assumption given more than one result in one Stage 6 file',
    message: 'Assumption `{id}` already has a result in this learning (validations[{index}]: {result}): expected one result per assumption. Counted once: {the result | as partial, the results differ}',
    docs: 'A thread is one piece of evidence for each assumption it speaks to, however many lines say so: the results of one assumption count once towards its confidence — the result itself when they agree, `partial` when they differ (validated and invalidated in one deal is mixed evidence). Merge the entries into one, with the result that holds and the evidence for it. An id that is not in `10-assumptions.md` is counted nowhere: its entries are `unknown-assumption` errors instead.',
  },
  'test-repeated': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'one assumption listed more than once in a Stage 2 `tests`',
    message: 'Assumption `{id}` is listed twice in `tests` (tests[{index}]): a thread tests an assumption once. Remove this entry',
    docs: 'Reported at the second entry. The assumption is tested once whatever the list says: its evidence counts once, and `validation-untested` names each tested assumption once. Remove the repeated entry.',
  },
  'validation-untested': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: "a Stage 6 result for an assumption the thread's `2-hypothesis.md` does not list in `tests`",
    message: "Assumption `{id}` is not one this thread tested: {hypothesis path} tests {ids}. Evidence for an assumption the thread never set out to test is suspect, yet it counts towards {id}'s confidence: add {id} to `tests` in {hypothesis path}, or remove this entry",
    docs: "A thread's hypothesis says which assumptions it sets out to test; a learning that records a result for another one is evidence gathered in passing — or a slip of the id (`A3` for `A2`). The result counts towards the assumption's confidence all the same, so check it: if the deal did test it, add the id to `tests` in `2-hypothesis.md`; if not, remove the entry (or correct the id). Reported once per assumption, at its first entry. An id that is not in `10-assumptions.md` counts towards nothing: it is an `unknown-assumption` error there instead, and this warning is not given.",
  },
  'thread-meta-missing': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a thread folder without `meta.json`',
    message: 'Missing meta.json in thread {thread}: expected the thread\'s identity (id, type, title, segment, source, created)',
    docs: 'Without `meta.json` the thread has no identity: it is not counted in reports or derivations. A folder holding no file threadwork reads (only a `.DS_Store`, or swap and backup files, left on disk after the thread was deleted through git) is no thread, and is not reported.',
  },
  'thread-stage-missing': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'file',
    summary: 'a thread folder with `meta.json` but no stage file, not even `1-input.md`',
    message: 'Thread {thread} has no stage file: expected 1-input.md beside its meta.json (a thread begins at Stage 1; until it has one it is left out of the pipeline, the metrics, the goals and the assumptions)',
    docs: 'A thread is a meta.json and its stages; a folder with only the meta.json (a copy cut short, stage files deleted, a folder made by hand) is not a deal or a campaign yet. It is counted nowhere — not an open Stage 1 deal in the pipeline, the metrics, the goals, the forecast or the as-of date — and sync leaves its meta.json as it is and out of its commits until the thread has a stage file. Write its `1-input.md` (by hand, or MCP `write_stage` with stage 1), or remove the folder; `threadwork deal new` and `campaign new` write both files at once. A `1-input.md` that is there but broken is reported by its own errors instead.',
  },
  'thread-id-folder': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a `meta.json` whose `id` is not its folder\'s name',
    message: 'Thread id `{id}` does not match its folder: expected `"id": "{folder}"`, or the folder renamed to {id} when `{folder}` is not a thread id',
    docs: 'The folder name is the thread id everywhere else (commands, `thread:` sources); make them equal. A folder name that is not a thread id (`Keel-Neobank`, renamed in another case) cannot be the id, so the message offers only renaming the folder to the id.',
  },
  'thread-type-folder': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'a `meta.json` whose `type` does not match the folder it is in',
    message: 'Thread type `{type}` does not match its folder: expected `"type": "{expected}"`',
    docs: 'Deals live in `threads/sales/`, campaigns in `threads/sales/campaigns/`, content in `threads/marketing/`. Until the type matches, the thread is left out of every derived figure: its stage files were checked as its folder\'s kind, not as the type it claims. A folder moved there from another family\'s folder (a deal dragged into `threads/marketing/`) holds the folder it came from at its version in HEAD (`derived-held`): the deal stays in the figures and its removal is not committed until it is moved back.',
  },
  'thread-folder-nested': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a thread folder (a folder with a `meta.json`) inside another thread\'s folder or a folder of its own under `threads/` (`threads/sales/archive/acme/`): not read',
    message: 'Thread folder {folder} is inside {parent}: threadwork reads a thread only directly under threads/sales/ (deals), threads/sales/campaigns/ or threads/marketing/, so nothing in it is read — expected it at {expected}; move it there, or out of threads/ to take it out of the figures. A thread moved from there is held at its version in HEAD until then',
    docs: 'A deal folder dropped onto its neighbour in a file manager, or moved into an `archive/` folder, is read by nothing: without this error its deal would silently leave the pipeline, the metrics and the goals, and sync would commit its removal. While the folder is nested, the thread it was moved from is held at its version in HEAD (`derived-held`): its values stay in every derived figure and its removal is not committed. Move it back; to take a thread out of the figures on purpose, move it out of `threads/` or delete it.',
  },
  'goal-id-filename': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'key',
    summary: 'a goal whose `id` is not its file name',
    message: 'Goal id `{id}` does not match its file name: expected `id: {name}` or the file renamed to goals/{id}.md',
    docs: 'Threads reference goals by file name; the two must agree. A file name that is not a goal id (`G-Fintech.md`: capitals, or no `g-`) cannot be the id, so the message offers only the rename. An `id` that is not a goal id is reported once, as a `schema` error, not also here.',
  },
  'decision-contradicts-score': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a QUALIFY below the qualification threshold, or a REJECT above it',
    message: '{decision} although the {score} is {below|above} the {level} threshold {threshold}: {reason}',
    docs: 'The decision may be right: say in `reasoning` what the criteria miss, so the next decision learns from it.',
  },
  'pipeline-stage-unconfigured': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key or file',
    summary: "an open deal whose pipeline stage (derived from its decision and actions) is not in the config's `pipeline.stages`: it counts at probability 0",
    message: 'Pipeline stage `{stage}` is not in `pipeline.stages` of threadwork.config.yaml: this open deal counts at probability 0 — left out of the weighted pipeline, and never won in the goals\' forecast. Add `{name: {stage}, probability: …}` to `pipeline.stages` (the stages the engine derives: lead, qualified, discovery, proposal, negotiation, closed-won)',
    docs: 'An open deal\'s pipeline stage is derived from its files — `lead` before a Stage 4 decision, `qualified` after QUALIFY, then `discovery`, `proposal` or `negotiation` by its furthest Stage 5 action under way or done (docs/derivation.md) — and its `close_probability` is that stage\'s `probability` in `pipeline.stages`. A stage taken out of the config, or renamed, has none: the deal counts at 0 in the weighted pipeline, the goals\' `weighted_pipeline` and the forecast. Reported at each such deal\'s meta.json `pipeline_stage` (the file, before a sync has written the key). `report pipeline` still counts the deal, in a row of its own marked `(not in config)`, and its funnel counts it at the configured stages it went through. Add the stage back with its probability (0 to count it at 0 on purpose), or keep the five names the engine derives when renaming.',
  },
  'decision-not-to-act': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a `5-actions.md` beside a Stage 4 that decides DEFER or REJECT (written by hand: `advance` refuses to open it)',
    message: 'Actions after a {DEFER|REJECT}: 4-decision.md decides {decision}, and 5-actions.md follows a decision to act ({QUALIFY|LAUNCH}), so the {deal|campaign} still counts as {deferred|rejected} — {what that leaves out}. If the {deal|campaign} went ahead, change `decision` to {QUALIFY|LAUNCH} in 4-decision.md; if not, remove 5-actions.md',
    docs: 'Actions follow a decision to act: QUALIFY for a deal, LAUNCH for a campaign. `advance` (and MCP `write_stage`) refuses to open Stage 5 after a DEFER or a REJECT (the `decision-not-to-act` error); a `5-actions.md` written by hand beside such a decision is read, but the thread still counts as deferred or rejected — a deal\'s actions move no pipeline stage and its `close_probability` stays 0 — and a DEFER\'s revisit is no longer listed by `due` (it lists one until the thread goes on to Stage 5). If the deal or campaign went ahead, change `decision` in 4-decision.md (say why in `reasoning`); if it did not, remove 5-actions.md. A content thread\'s decision is free text, and is not read for this.',
  },
  'defer-without-revisit': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a Stage 4 DEFER without a `revisit` date, in a thread that has not gone on to Stage 5: `due` never lists it',
    message: 'DEFER without a `revisit` date: `due` lists a DEFER on its revisit date, so this one is never brought back. Add `revisit: YYYY-MM-DD` below `decision`, the day to decide again',
    docs: 'A DEFER is a decision for now, not a no: `due` lists it as a follow-up (`defer-revisit`) from its `revisit` date until the thread goes on to Stage 5 or 6 or the decision changes (docs/outreach.md). Without the date nothing ever brings it back. Add `revisit:` with the day to look at it again (a date such as 2027-01-15), or decide REJECT if there is nothing to wait for. The deal still counts as deferred in the pipeline and the goals either way.',
  },
  'sequence-empty': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: "a campaign's Stage 5 `sequence` with no `touches` and no known `preset` (`follow-upp`): no touch is ever due",
    message: 'Unknown sequence preset `{preset}` (did you mean {preset}?) and no `touches`: the campaign has no touch to send, so `due` lists none and `campaign draft` writes none; expected `preset` one of five-touch-cold, follow-up, or `touches` listed',
    docs: "A campaign's touches are its explicit `sequence.touches`, else the built-in preset `sequence.preset` names (`five-touch-cold` or `follow-up`, any case; docs/outreach.md). With neither — the touches deleted and the preset misspelt, or missing — the sequence is empty: `due` lists no touch for any prospect and `campaign draft` writes no draft, which looked like a campaign with nothing due. Write the preset's name as listed, or list the touches (`{day, channel, template}`).",
  },
  'nurture-without-revisit': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a campaign prospect with `status: nurture` and no `revisit` date: `due` never lists it',
    message: 'Prospect `{email}` is in nurture without a `revisit` date: nurture stops the sequence and `due` lists the prospect again on its revisit date, so this one is never brought back. Add `revisit: YYYY-MM-DD`, the day to contact them again',
    docs: 'A prospect in nurture asked to be contacted later: the sequence stops for them, and `due` lists them as a follow-up (`nurture-revisit`) from their `revisit` date until the status changes (docs/outreach.md). `campaign reply` always writes the date (the one the reply names, else 90 days on); a status set to `nurture` by hand without one is never listed, and the lead is forgotten. Add `revisit:` with the day to reach out again, or set the status to `completed` if there is nothing to wait for.',
  },
  'criterion-unrecognised': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a Stage 4 `criteria` key that names no criterion of the deal\'s `framework`',
    message: '`{key}` is not a {framework} criterion, so the qualification score leaves it out: expected one of {criteria}',
    docs: 'A misspelt key (`chmapion`) or one from another framework (BANT\'s `budget` under MEDDIC) scores nothing, and the criterion it meant counts as missing. Rename the key to one the message lists (its aliases are in docs/scoring.md), or change `framework`.',
  },
  'draft-not-ready': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a campaign draft (draft or approved) that fails the quality gate',
    message: 'Draft not ready (grade {grade}, score {score}): {critical issues}',
    docs: 'The draft has critical issues (length, no signal, no call to action…). Edit it, then check again; see docs/outreach.md.',
  },
  'strategy-input-missing': {
    severity: 'warning',
    reportedBy: ['check', 'strategy', 'sync', 'watch'],
    at: 'key or file',
    summary: 'a canvas value (or the config\'s `company`) the generated strategy files of a segment need, not filled in',
    message: '{what is missing}: fill in `{key}` in {file} (the generated sales files say so where it is needed)',
    docs: 'Reported only for segments whose strategy has been generated (`threadwork strategy`), at the place to fill it in: the key written empty (or the nearest key above one not written) in the canvas section, the first line below its front matter for prose to write, `threadwork.config.yaml` for the company name. Not reported for a file that is itself in error (an emptied or unparsable config): that error is the one problem to fix. Nor for a value written under a key one slip off its own (`compnay:` for `company:`): the `key-misspelt` warning at that key is the one to act on. Fill it in, then regenerate.',
  },
  'strategy-not-generated': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a segment with no generated strategy files while other segments have theirs',
    message: 'Segment {id} has no generated strategy files (ICP, narratives, sales materials), while {others} have: sync refreshes only generated ones. Run `threadwork strategy {id}`',
    docs: '`threadwork strategy` generates a segment\'s ICP, narratives and sales materials; sync and watch then keep them in step with the canvas, but they never generate a segment\'s files for the first time: a segment added to `04-segments.md` later has none until `threadwork strategy` is run. Reported at the segment\'s `id` once any other segment has generated files; a workspace that generates no strategy at all is told nothing. A segment with some of its files (one deleted on purpose) is not reported. Run `threadwork strategy <id>`, or remove the segment if it is not meant to be sold to yet.',
  },
  'strategy-stale': {
    severity: 'warning',
    reportedBy: ['strategy', 'sync', 'watch'],
    at: 'file',
    summary: 'a generated strategy file edited by hand and now behind the canvas, or left with git\'s conflict markers by a merge — at the first `<<<<<<<`',
    message: "Edited by hand and now behind the canvas: kept as it is | Git's conflict markers are still in this generated file (from line {n}), and a side of the merge may hold a hand edit: kept as it is",
    docs: 'Hand edits are never overwritten. Merge the changes yourself, or run `threadwork strategy --force` to regenerate the file. A generated file two people regenerated, each from their own canvas, stops a merge on its `threadwork:generated` line. While the merge is stopped git\'s index holds both sides whole (`git show :2:path`, `:3:path`): when both are as threadwork wrote them and the file holds no line that is in neither (nothing typed in since), nothing in it is a person\'s and sync regenerates it from the merged canvas. When a side was edited by hand, a line was typed in, or the index no longer has the sides (the merge committed with the markers in) and they cannot be read whole from the file, the file is kept and this warning names its first marker — keep the lines you want and delete the markers, or run `threadwork strategy --force` (which regenerates every generated file of the segment).',
  },
  'strategy-render': {
    severity: 'error',
    reportedBy: ['check', 'strategy', 'sync', 'watch'],
    at: 'file',
    summary: 'a segment whose strategy files cannot be generated (e.g. a broken template override)',
    message: 'Cannot generate the strategy of segment {id}: {reason}',
    docs: 'The other segments are still generated. Fix the template override named in the message. `check` renders the generated segments too when the workspace overrides a strategy template, so a broken override shows before the next sync.',
  },
  'managed-block': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'text',
    summary: 'a managed block (`<!-- threadwork:… -->`) whose markers are broken or duplicated',
    message: '{problem}. The file is left as it is.',
    docs: 'sync rewrites only what is between a block\'s begin and end markers; with a marker missing or repeated it cannot tell where that is, so it leaves the file alone. A block whose content holds a marker of another block is left alone too: rewriting it would delete that marker. `check` reports the same problems in every file sync writes blocks into (the canvas\'s 10-assumptions.md and 13-metrics.md, each goal, a campaign\'s 6-learning.md), so a marker broken by an edit shows before the next sync; a write into such a file (an agent\'s stage write) is refused until the markers are fixed, while writes to other files go on.',
  },
  'derived-held': {
    severity: 'warning',
    reportedBy: ['sync', 'watch'],
    at: 'file',
    summary: 'derived values held at the last valid version of a broken file',
    message: 'Not updated: the {what} keeps its last good state until {files} {is|are} fixed',
    docs: 'A derived block is not recomputed from a file with errors, so one broken file cannot wipe derived values. Fix the files named; the next sync catches up. A Held line is about the whole file, so it points at line 1 (a file held while deleted has no line at all); its message names the cause: the error that broke the file, at its line and column, where that error is also reported, or the files that still name a removed id.',
  },
  'marketing-open': {
    severity: 'error',
    reportedBy: ['sync', 'watch'],
    at: 'file',
    summary: 'a content thread that sync should open but cannot (e.g. a broken template override)',
    message: 'Cannot open the content thread: {reason}',
    docs: 'The rest of the sync goes on; fix the cause and sync again.',
  },
  'suppression-invalid': {
    severity: 'error',
    reportedBy: ['campaign'],
    at: 'text',
    summary: 'a suppression list that is invalid — campaigns refuse to run until it is fixed',
    message: 'Invalid suppression list: {reason}',
    docs: 'Sending to someone who asked not to be contacted is worse than not sending: while the list cannot be read, campaign commands stop (`due`, `campaign draft`, `campaign approve`, `campaign reply` fail with this code, listing each problem). `check`, `sync` and `watch` report the problems under their own rules, at their lines (`yaml-syntax`, `schema`).',
  },
  'path-refused': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a symbolic link or special file where a workspace file is expected — refused, never followed; or a file or folder whose name is not valid UTF-8',
    message: 'Refused {path}: {reason}',
    docs: 'threadwork never reads or writes through a symbolic link, so a link cannot make it touch a file outside the workspace. Replace the link with the file. A name that is not valid UTF-8 (made on a Latin-1 system) names nothing threadwork can open: rename it.',
  },
  'special-file': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a FIFO, socket or device in the workspace — skipped',
    message: 'Skipped special file {path}: {kind}',
    docs: 'Reading a FIFO could block forever; such files are left alone. Remove it from the workspace. One named as a file the engine reads (a stage file, a `meta.json`, a canvas section) is no file to skip: it is `path-refused`, an error, and its thread held at its last valid version — read without that stage, a won deal would reopen.',
  },
  'folder-not-file': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'file',
    summary: 'a folder where the layout expects a file (a stage file, meta.json, a goal, a canvas section)',
    message: 'Found a folder where {the file} is expected: move what it holds elsewhere, remove it and put the file back',
    docs: 'threadwork reads a file at this path, and a folder there cannot be read: the file counts as broken, so the values derived from it are held at its last valid version (`derived-held`) rather than dropped as if it had been deleted. Move what the folder holds elsewhere, remove it and put the file back (`git restore` brings back the committed version).',
  },
  'lock-compromised': {
    severity: 'error',
    reportedBy: ['sync', 'watch', 'write'],
    at: 'file',
    summary: 'the workspace lock was lost while writing (taken over or removed)',
    message: 'The workspace lock was compromised: {reason}',
    docs: 'Another process may have written at the same time. Run `threadwork check` and `git status`, then run the command again.',
  },
  'normalization-twin': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'file',
    summary: 'two thread folders (or goal, canvas or ICP files) whose names differ only by Unicode normalisation (`café` composed, NFC, and decomposed, NFD): they print alike — at each, both spelled out',
    message: 'Unexpected twin: this {folder|file} is {path with code points written out} ({composed, NFC | decomposed, NFD, as macOS writes names}), and the {folder|file} {its twin, spelled out} has the same name written in another Unicode form — they print alike, and a clone on macOS holds only one of them: expected one name — move what one holds into the other and remove it',
    docs: 'An accented letter can be written as one character (`é`, U+00E9: composed, NFC — Linux, Windows and the web write it so) or as a letter and a combining accent (`e` + U+0301: decomposed, NFD — macOS names files so). Linux and git keep the two byte for byte, so a folder made on a Mac beside one made elsewhere can be two folders with the same visible name: every message about them prints one path for both, and a clone on macOS, whose file systems compare names normalised, holds only one. Reported at each of them, in a layout folder (`threads/sales/`, `threads/marketing/`, `threads/sales/campaigns/`, `goals/`, `strategy/canvas/`, the ICP folder), with each name\'s characters outside ASCII written as code points (`cafe\\u0301`), so the lines of the two can be told apart. Keep one: move what the other holds into it (`git mv`), then remove the other. A thread folder\'s name is its id, lower-case ASCII, which has one form: renaming the thread (`thread-id-folder` says to what) ends the twin too.',
  },
  'not-utf8': {
    severity: 'warning',
    reportedBy: ['check', 'sync', 'watch'],
    at: 'text',
    summary: 'a workspace file that is not valid UTF-8 (saved as Latin-1 or Windows-1252): read with � for the bad bytes, never written — at its first byte that is not UTF-8',
    message: '{path} is not valid UTF-8 (byte {0xNN} here, read as U+FFFD: was the file saved as Latin-1 or Windows-1252?): expected UTF-8: re-save it as UTF-8 in your editor; until then threadwork reads those bytes as � and never writes the file',
    docs: 'Re-save the file as UTF-8 in your editor. threadwork reads such a file (the invalid bytes show as �, so a name or a value holding one is not what you wrote) but never writes it back, since that would replace the bytes you wrote. A file a sync would edit (a managed block, a derived field) says instead `… its managed block or derived fields are not updated, so no byte of it changes`, and a sync that has nothing else to write then ends with `⚠ nothing written, but not in sync`, never `in sync`. A U+FFFD written as UTF-8 is text like any other.',
  },
  'cache-discarded': {
    severity: 'warning',
    reportedBy: ['check', 'sync'],
    at: 'file',
    summary: 'a damaged entry of the persistent cache (truncated, or its checksum does not match): discarded, never trusted',
    message: 'Discarded a damaged cache entry ({why}): the result was computed anew',
    docs: 'The cache lives in the git directory under `threadwork-cache/`. The result is computed from the files as if there were no cache, and the entry is replaced by the next run. Nothing to do unless it keeps happening (a failing disk).',
  },
  'stage-front-matter-missing': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'file',
    summary: 'a stage file with no front matter, or an empty block, above labelled lines (the way the LeanOS method writes them): threadwork reads nothing from it',
    message: '{No|Empty} front matter: threadwork reads nothing from this stage file; its labelled lines map to {fields}. Run `threadwork migrate {path}` to write it (the prose is kept as it is)',
    docs: 'Every field of a stage may be empty, so such a file validates, yet nothing in it counts: `advance` asks for values the prose states. `threadwork migrate` writes the front matter from the labelled lines (`ARR potential: $1M-$1.5M` → `arr_potential: {min: 1000000, max: 1500000}`) above the same prose, byte for byte, and lists every line it could not map. An empty block (`---` then `---`, as some editors start every file) counts as none when a labelled line below it maps to a field, and migrate writes the new front matter in its place; with nothing to map it is a stage not written yet and gets no warning. A file whose lines end in a lone carriage return (CR, as classic Mac OS saved text) is read as one line, so none of its labelled lines can be found: the warning says so, and `migrate` leaves it as it is until it is re-saved with LF (or CRLF) line endings. docs/migrate.md has the label → field table.',
  },
  'experiment-design': {
    severity: 'error',
    warningWhen: 'the tested assumption is not in the campaign\'s `tests`, or `supports` is given without `assumption`',
    reportedBy: ['check', 'write'],
    at: 'key',
    summary: 'a campaign experiment that cannot run as written: a repeated name, a touch not in the sequence or already tested, repeated variant ids, splits that do not sum to 1, an unknown `supports` variant',
    message: 'Splits of experiment `{name}` sum to {sum}: expected them to sum to 1 | Touch {n} is not in the sequence: expected 1 to {m} | …',
    docs: 'Stage 5 `experiments` define variants of one touch and the share of prospects each gets (docs/experiments.md). Prospects are assigned by a hash, so a design that changes after drafting moves people between variants: fix it before `campaign draft`.',
  },
  'campaign-results': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'Stage 6 campaign `results` that cannot be: more delivered than sent less bounced, more bounced than sent, or more opened, clicked, replied, unsubscribed or meetings than delivered',
    message: '{n} delivered of {sent} sent: expected at most the sent count less the {b} bounced | {n} opened of {d} delivered: expected at most the delivered count',
    docs: 'Every rate is over delivered (bounces over sent), and delivered is `delivered`, or sent − bounced when it is absent or 0 (docs/outreach.md). A count above its base is a typo, and would show as a rate over 100% in `6-learning.md`, `13-metrics.md`, the goals and `report campaigns`: sync holds the campaign at its version in HEAD, nothing of it committed, until the count is fixed. The per-variant counts are held to the same bounds (`experiment-results`).',
  },
  'validation-from-experiment': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a campaign\'s hand-written Stage 6 result for an assumption its experiment\'s declared winner already gives a result: the campaign counts twice',
    message: 'Assumption `{id}` already has a result from experiment `{name}` (winner {variant}: {result}): a declared winner counts as a Stage 6 result, so this entry counts the campaign a second time towards {id}\'s confidence. Remove this entry, or take `assumption` off the experiment to keep only this one',
    docs: 'An experiment with `assumption` and `supports` adds one result for that assumption once a winner is declared — validated when the supported variant won, invalidated when another did (docs/experiments.md). An entry for the same assumption in the campaign\'s `validations` is counted too: two results from one campaign. Keep one: remove the entry (the winner\'s result and evidence stand), or drop `assumption` from the experiment to keep the written result. Reported only while the winner stands; an experiment still running gives no result.',
  },
  'experiment-results': {
    severity: 'error',
    reportedBy: ['check', 'sync', 'watch', 'write'],
    at: 'key',
    summary: 'per-variant results (`results.experiments`) for an unknown experiment or variant, that add up to more than the campaign\'s totals, or that cannot be: a variant with more delivered than sent less bounced, more bounced than sent, or more opened, clicked, replied, unsubscribed or meetings than delivered',
    message: 'Variants of `{name}` record {sum} {field} in all, more than the campaign\'s {total}: expected per-variant counts within the totals | Variant `{id}` of `{name}` records {n} delivered of {sent} sent: expected at most the sent count',
    docs: 'Per-variant counts are those of the tested touch; the totals count every touch, so the variants of one experiment never add up to more than a total (delivered: the campaign\'s `delivered`, or sent − bounced when it is absent or 0). Each variant\'s own counts are held to the bounds the totals are (`campaign-results`): its rate is over its delivered, and its sends decide the minimum sample and scale the sends it still needs. The winner read from them validates an assumption: sync holds the campaign at its version in HEAD until they are fixed.',
  },
  'approved-do-not-contact': {
    severity: 'error',
    reportedBy: ['check', 'write', 'campaign'],
    at: 'key',
    summary: 'an approved campaign draft to an address on the suppression list, or to a prospect who unsubscribed',
    message: 'Approved although {email} is on the suppression list | unsubscribed (status unsubscribed): nothing may be sent to this address',
    docs: 'Autonomy gate: the do-not-contact list (`threads/sales/campaigns/suppression.yaml`) and a prospect\'s `status: unsubscribed` are never overridden by an approval. Set the draft to `status: skipped`. `campaign approve` refuses such a draft, and refuses every draft while the list is invalid (`suppression-invalid`). See docs/outreach.md.',
  },
  'approved-sequence-stopped': {
    severity: 'warning',
    reportedBy: ['check', 'campaign'],
    at: 'key',
    summary: 'an approved campaign draft to a prospect who replied, booked a meeting, bounced, finished or asked to wait (nurture), or in a closed campaign',
    message: 'Approved although {email} replied (status replied) | is in a campaign that closed on {date}: the sequence has stopped',
    docs: 'Autonomy gate: `due` lists no touch for such a prospect, `campaign draft` writes none and `campaign approve` refuses one. A draft approved before the reply came is a warning: set it to `status: skipped`, or set the prospect\'s status back to `active` if it should still go out. See docs/outreach.md.',
  },
  'approved-not-due': {
    severity: 'warning',
    reportedBy: ['check', 'campaign'],
    at: 'key',
    summary: 'an approved campaign draft of a touch `due` will never list: sent already (touches_done), skipped or planned inside an out-of-office pause (paused_until), or no longer in the sequence as written (a touch removed, or now on another channel)',
    message: 'Approved although {name} ({email}) is out of office until {date} (paused_until): touch {n}, planned for {date}, is skipped — `due` lists touch {n} on {date} instead | {email} had touch {n} sent already (touches_done: {n})',
    docs: 'Autonomy gate: `campaign approve` approves only what `due` would list. While a prospect is out of office, the touches planned before the return are skipped but the latest, which `due` lists on the return date (docs/outreach.md, "Paused prospects"); a touch `touches_done` counts was sent. A draft approved before the out-of-office reply came is a warning: set it to `status: skipped` (or `sent`, if it went out). So is one written before the sequence was edited: its touch is no longer in the sequence (touches removed), or the sequence\'s touch is now drafted in another channel (a call where the draft is an email): `campaign draft --force` writes it anew. `campaign approve` refuses one (`gate-refused`, gate `not-due`), naming the prospect and why. See docs/outreach.md.',
  },
  'approved-below-icp': {
    severity: 'error',
    reportedBy: ['check', 'write', 'campaign'],
    at: 'key',
    summary: "an approved campaign draft to a prospect whose company scores under the segment's ICP threshold",
    message: 'Approved although {company} scores {score} ({band}) against the {segment} ICP threshold {threshold}; missing: {inputs}',
    docs: "Autonomy gate: nothing leaves for a company outside the ICP. The threshold is `autonomy.icp_min_score` in threadwork.config.yaml, or the segment ICP's `good` band (0.60). The company's facts are the prospect's own fields in 5-actions.md (`industry`, `employees`, `revenue`, `signals`, …): add what is missing, or set the draft back to `status: draft`. See docs/outreach.md.",
  },
  'approved-below-quality': {
    severity: 'error',
    reportedBy: ['check', 'write', 'campaign'],
    at: 'key',
    summary: 'an approved campaign draft whose quality score is under `autonomy.min_quality_score` (0.80)',
    message: 'Approved although its quality score {score} (grade {grade}) is under the minimum {minimum}: {issues}',
    docs: 'Autonomy gate: one critical issue alone scores 0.75. Fix the issues the message lists in the draft, or set it back to `status: draft`.',
  },
  'sent-without-approval': {
    severity: 'warning',
    reportedBy: ['check'],
    at: 'key',
    summary: 'a campaign draft marked `status: sent` with no `approved_on`: it went out without being approved',
    message: 'Marked sent but never approved: no `approved_on`, the day `threadwork campaign approve` records once the draft passes the autonomy gates …; if a person approved it, add `approved_on: YYYY-MM-DD`; if not, review what was sent to {email}',
    docs: 'threadwork never sends, and no campaign sends without approval: every draft is approved — by `campaign approve` or the MCP `approve_draft`, which check the autonomy gates first — before a person sends it and marks it `status: sent`. Approving writes `status: approved` and `approved_on: YYYY-MM-DD` (the day; a draft approved by hand gets it when `campaign approve` is run on it). A draft marked `sent` without `approved_on` went out without the gates (do not contact, sequence, ICP, quality, daily caps) ever judging it: reported at its `status` line, as a warning, since what was sent cannot be taken back. If it was approved, add `approved_on:` with the day (drafts approved before threadwork recorded the day have none); if it was not, review what was sent and approve the next drafts before sending them. See docs/outreach.md, "Autonomy gates".',
  },
  'approved-over-cap': {
    severity: 'error',
    reportedBy: ['check', 'write', 'campaign'],
    at: 'key',
    summary: 'more approved touches for one sender on one day than the daily cap of the channel (200 emails, 30 LinkedIn messages)',
    message: 'Approved as {channel} touch {n} of {count} from {sender} on {day}, over the cap of {cap} per sender per day',
    docs: "Autonomy gate: the sender is the draft's `sender`, else the campaign's Stage 5 `sender`, else one shared default; the day is the draft's `send_on`, else the touch's due date. Drafts already approved keep their places in path order. Move the extra ones to later days with `send_on:` (`threadwork due` says which), or change `autonomy.daily_caps`.",
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/**
 * The warnings a sync shows, and so a watch cycle: what its derivation leaves out or could
 * not write, and what it found about the files it generates. Every other warning is
 * `check`'s alone (a sync shows errors, and a write command refuses on errors only). The
 * transaction filters the workspace's diagnostics with this set (engine/transaction.ts), and
 * a test keeps every rule's `reportedBy` equal to it.
 */
export const SYNC_WARNINGS: ReadonlySet<RuleId> = new Set<RuleId>(['derived-held', 'not-utf8', 'strategy-input-missing', 'strategy-stale', 'cache-discarded', 'key-misspelt', 'meta-field-in-stage']);

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

/** The severities a rule can be reported with. */
export function severitiesOf(rule: RuleId): Severity[] {
  const info: RuleInfo = RULES[rule];
  return info.warningWhen ? [info.severity, 'warning'] : [info.severity];
}

export interface ErrorInfo {
  /** When the error is raised, in a line. */
  readonly summary: string;
}

/**
 * The `code` of a `ThreadworkError`: `error.code` in every `--json` error output
 * (`{ ok: false, error: { code, message, … } }`) and in MCP tool errors.
 */
export const ERRORS = {
  'no-workspace': { summary: 'the folder (or any above it) is not a workspace: no `threadwork.config.yaml` nor `strategy/canvas/`; or `--dir` names no folder (none there, or a file)' },
  'invalid-arguments': { summary: 'arguments that contradict each other or are missing, or (MCP) that a tool\'s input schema refuses: `tool` names it' },
  'unknown-tool': { summary: '(MCP) a tool name this server does not have: `tool` names it' },
  'invalid-date': { summary: 'a date that is not a real `YYYY-MM-DD` date, or a day something happened (`deal new --date`, `campaign reply --date`) more than a day after today' },
  'invalid-name': { summary: 'a company or campaign name (or title) that is blank, or refused as a folder name (`/`, `..`, control characters, no letter or digit, no Latin letter: give `--slug`), or a `--slug` that is not lower-case a-z, 0-9 and single hyphens' },
  'invalid-domain': { summary: 'a company domain (`deal new --domain`, `create_deal` `domain`) that is no domain such as `acme.com` (a web address is read for its domain): nothing was created' },
  'invalid-email': { summary: 'a contact email (`deal new --email`, `create_deal` `contact_email`) that is not an email address: nothing was created' },
  'invalid-source': { summary: 'a `--source` that is not one of the known sources, `campaign:{id}` or `thread:{path}`' },
  'invalid-thread': { summary: 'a thread argument that is empty, ambiguous, has control characters, or a folder in `threads/` that is not a thread folder (`threads/sales`)' },
  'invalid-meta': { summary: 'a write into a thread whose `meta.json` is missing or invalid: `thread` and `path` name them, `diagnostics` lists its errors' },
  'invalid-stage': { summary: 'a stage number outside 1 to 6' },
  'unknown-thread': { summary: 'no thread folder by that name or path; `meant` names the one thread near it (another case: `Keel-Neobank` for `threads/sales/keel-neobank`; a campaign name without its date; a typing slip or two: `keel-neobnak`), and for `history` the assumption or goal id (`a1` for `A1`)' },
  'unknown-segment': { summary: 'a segment that is not in `04-segments.md`; `known` lists the ones that are, `meant` the one it is a slip of (`ecommerce_finance`)' },
  'unknown-campaign': { summary: 'a `--source campaign:{id}` naming no campaign folder; `campaign` is the id given, `known` lists the campaigns there are' },
  'unknown-goal': { summary: 'a goal that is not in `goals/` (and that no threadwork commit names, for `history`; an MCP `threadwork://goals/` resource read too); `known` lists the ones that are, `meant` the one it is a slip of (`g-First-Customers`) when a thread is created or a goal resource read' },
  'unknown-subgoal': { summary: 'a subgoal the goal does not define; `known` lists the ones it does, `meant` the one it is a slip of (`sg1`)' },
  'unknown-assumption': { summary: 'an assumption id that is not in `10-assumptions.md` (and that no threadwork commit names, for `history`); `known` lists the ones that are' },
  'subgoal-without-goal': { summary: '`--subgoal` without `--goal`' },
  'unknown-report': { summary: 'a report name that does not exist; `known` lists the reports, `meant` names the one it is a slip of (`piplene`, `Pipeline`)' },
  'unknown-prospect': { summary: 'an email that is not one of the campaign\'s prospects' },
  'reply-before-start': { summary: '`campaign reply --date` before the prospect\'s sequence started (their `started`, else the sequence `start`, else the campaign\'s `created`); `start` names that day: nothing was recorded' },
  'not-a-campaign': { summary: 'a thread that is not a campaign where a campaign is needed' },
  'not-found': { summary: 'an MCP resource (a canvas section or its file, a schema) that does not exist; a goal that does not exist is `unknown-goal`, a thread `unknown-thread`, as in the tools' },
  'no-stage': { summary: 'a thread with no stage file yet' },
  'no-actions': { summary: 'a campaign without a valid `5-actions.md` (prospects and sequence), or `campaign draft` on one whose `5-actions.md` lists no prospects or whose sequence has no touch (`path`, `line` and `column` name the value to fill in): nothing was written' },
  'last-stage': { summary: 'advancing a thread that is at its last stage' },
  'decision-not-to-act': { summary: 'advancing past a Stage 4 that decides DEFER or REJECT: actions follow QUALIFY (LAUNCH for a campaign); `decision` names the one written, `revisit` a DEFER\'s date' },
  'stage-exists': { summary: 'the next stage file already exists: nothing was changed' },
  'stage-incomplete': { summary: 'the current stage lacks what the next builds on; `missing` lists each field with a hint' },
  'stage-invalid': { summary: 'a stage file with errors (or that would have errors as written); `diagnostics` lists them' },
  'stage-order': { summary: 'writing a stage whose predecessor does not exist yet' },
  'thread-exists': { summary: 'the thread folder already exists (of two concurrent creations, the second); `path` names it' },
  'template-missing': { summary: 'a built-in template file is missing from the installation' },
  'template-error': { summary: 'a template (built-in or override) that fails to render' },
  'template-invalid': { summary: 'a template that renders a stage file with errors' },
  'goals-not-threadwork': { summary: '`init` in a folder that is no workspace yet whose `goals/` holds Markdown files that are not threadwork goals (no front matter `id:`, no `g-…` name): every `goals/*.md` would be read as a goal; `files` names them; nothing was written' },
  'path-refused': { summary: 'a path outside the workspace, a symbolic link or a special file, a thread argument with `..` segments or leading outside `threads/`, an `init` folder or a `schemas --out` that is a file (or under one), or one inside another workspace (`workspace` names that one): refused; `path` names it as given' },
  read: { summary: 'a file that cannot be read' },
  'csv-syntax': { summary: 'an account or contact list that is not valid CSV: `line` and `column` are where the fault is (the quote left open, a quote inside an unquoted field, the text after a closing quote), `path` the file' },
  'json-syntax': { summary: 'an accounts file that is not valid JSON' },
  'nothing-scored': { summary: 'an account or contact list that gave nothing to rank: every row was refused (`rejected` lists each row and why), or it has no rows at all (an empty file, a header row alone, `[]`; `rejected` is empty); `path` names the file' },
  'json-shape': { summary: 'an accounts JSON that is not a list of accounts nor `{"accounts": [...]}`' },
  'lock-timeout': { summary: 'the workspace lock is held by another threadwork process; try again' },
  'lock-compromised': { summary: 'the workspace lock was lost while writing; check `git status` and run again' },
  'watcher-running': { summary: 'another `threadwork watch` is running on this workspace; `pid` and `started` name it' },
  'watch-start': { summary: 'the file watcher could not start' },
  'suppression-invalid': { summary: 'the suppression list is invalid: campaign commands refuse to run until it is fixed' },
  'write-failed': { summary: 'a file the system refused to write (not writable by this user, a full or read-only disk), or the workspace lock it refused to create (a `.git` this user may not write): `path` names it, `errno` says why; the message says what state the workspace is in' },
  'transaction-aborted': { summary: 'a multi-file write was rolled back: no file was changed' },
  'sparse-checkout': { summary: 'a write in a workspace that git checks out only in part (`git sparse-checkout`): threads outside the checkout would be read as gone and the figures derived without them committed, so nothing is written; `paths` names the first 100 missing files, `count` all of them, `include` the folders to add back' },
  'commit-failed': { summary: 'the files were written but the git commit failed (git refused it, or other commits kept moving HEAD); the message says what git said, and the next threadwork command commits them first' },
  'file-exists': { summary: 'a file a command creates already exists (created by someone else meanwhile): nothing more was written; `path` names it' },
  'write-invalid': { summary: 'a write that would leave an error in a file it writes (judged like `check` on the workspace as it would be); `diagnostics` lists them' },
  'thread-in-error': { summary: 'a write into a thread (a stage, its meta.json, a draft, a reply record) whose meta.json or a stage file has an error — broken, or a cross-file error: the thread is held until it is fixed, so nothing was written; also `campaign draft --force` over a broken draft, which may record a send; `thread` names it, `diagnostics` lists the errors' },
  'experiment-invalid': { summary: '`campaign draft` on a campaign whose Stage 5 experiments have `experiment-design` errors: nothing is drafted until they are fixed; `diagnostics` lists them' },
  'gate-refused': { summary: 'a draft that fails an autonomy gate (do not contact, sequence stopped, ICP, quality, daily cap) was not approved: nothing was written; `failures` lists each gate with its figures' },
  'not-a-draft': { summary: 'a path that is not a valid campaign draft (`threads/sales/campaigns/{id}/drafts/*.md`) where one is needed' },
  'draft-sent': { summary: 'approving a draft whose status is `sent` or `skipped`: it is not approved again' },
  internal: { summary: 'a bug in threadwork, not in the input (exit code 2); please report it with the message' },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERRORS, value);
}
