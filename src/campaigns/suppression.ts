import { yamlPackage } from '../markdown/yaml-package.js';
import { YAML_OPTIONS } from '../markdown/yaml.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import type { Suppression, SuppressionEntry } from '../schema/suppression.js';
import { SUPPRESSION_FILE } from '../workspace/layout.js';
import { suppressionValue, type WorkspaceModel } from '../workspace/model.js';
import { parseFile } from '../workspace/parse-file.js';
import { suppressionKeys } from '../outreach/contact-stop.js';
import { normalizeEmail, prospectId, prospectLabel } from '../outreach/prospect-id.js';

/**
 * The workspace's do-not-contact list (`threads/sales/campaigns/suppression.yaml`): every
 * address that unsubscribed (or was added by hand), respected by every campaign. A
 * source file like any other, committed, and validated by `check` like any other.
 *
 * It never fails open: while the file is invalid (a duplicated key, a wrong type, an
 * entry without an address…) nothing that contacts people or rewrites the list runs.
 */
export { SUPPRESSION_FILE };
export type { SuppressionEntry };

export type SuppressionState =
  | { ok: true; entries: SuppressionEntry[]; emails: Set<string> }
  | { ok: false; diagnostics: Diagnostic[] };


/**
 * The suppression list as the workspace model read it. A missing file is an empty list
 * (nobody unsubscribed yet); a file that is invalid, or could not be read, is not a list.
 */
export function suppressionOf(model: WorkspaceModel): SuppressionState {
  // Fail closed: a list that is broken now is refused, even though derivation holds its last valid version.
  if (model.broken.has(SUPPRESSION_FILE)) return { ok: false, diagnostics: model.diagnostics.filter((d) => d.path === SUPPRESSION_FILE && d.severity === 'error') };
  const file = model.files.get(SUPPRESSION_FILE);
  // A file the scan listed but could not read (or refused) has diagnostics of its own and no entry: not a list either.
  const diagnostics = file ? file.diagnostics.filter((d) => d.severity === 'error') : model.diagnostics.filter((d) => d.path === SUPPRESSION_FILE);
  if (diagnostics.length > 0 || (file && file.value === undefined)) return { ok: false, diagnostics };
  const entries = suppressionValue(model)?.suppressed ?? [];
  return { ok: true, entries, emails: suppressionKeys(entries) };
}

/** The suppressed addresses, or a `suppression-invalid` error naming each problem at its line and column. */
export function requireSuppression(model: WorkspaceModel, refusing: string): Set<string> {
  const state = suppressionOf(model);
  if (!state.ok) throw suppressionInvalid(state.diagnostics, refusing);
  return state.emails;
}

function suppressionInvalid(diagnostics: Diagnostic[], refusing: string): ThreadworkError {
  const lines = diagnostics.length ? diagnostics.map((d) => `  ${formatDiagnostic(d)}`) : [`  ${SUPPRESSION_FILE}:1:1 error the file is not a valid suppression list (suppression-invalid)`];
  return new ThreadworkError(
    `${SUPPRESSION_FILE} is invalid, so ${refusing}: a do-not-contact list that cannot be read protects nobody. Fix it (threadwork check shows the same problems) and run again.\n${lines.join('\n')}`,
    'suppression-invalid',
    { path: SUPPRESSION_FILE, diagnostics },
  );
}

/**
 * The suppression list (`text`, or undefined when there is none yet) with an address
 * added once; null when it was already on the list. The entry is appended after the last
 * one, in its style (a `{email: …}` line or a block map), and every existing line stays
 * byte for byte as it was: the list is written by hand too, and a diff of an unsubscribe
 * should show one entry added. Refuses (`suppression-invalid`) to rewrite a file that is
 * not valid as it stands: what the person wrote is never lost.
 */
export function suppressionWith(text: string | undefined, entry: SuppressionEntry): string | null {
  if (text !== undefined) {
    const current = parseFile(SUPPRESSION_FILE, { kind: 'suppression' }, text);
    const errors = current.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || current.value === undefined) throw suppressionInvalid(errors, `${prospectLabel(entry)} was not added to it`);
    const listed = suppressionKeys((current.value as Suppression).suppressed).has(prospectId(entry));
    if (listed) return null;
    const appended = appendedEntry(text, entry);
    if (appended !== null) return appended;
  }
  // No file yet, or an empty or flow-style list (`suppressed: []`): that one line is rewritten as a block list.
  const doc = yamlPackage().parseDocument(text ?? '# Addresses no campaign may contact: unsubscribes recorded by `threadwork campaign reply`, or added by hand.\nsuppressed: []\n');
  const list = doc.get('suppressed') as { flow?: boolean; add(value: unknown): void };
  list.flow = false;
  list.add(doc.createNode({ ...Object.fromEntries([entryKey(entry)]), reason: entry.reason, date: entry.date, ...(entry.campaign ? { campaign: entry.campaign } : {}) }));
  return doc.toString({ lineWidth: 0 });
}

/**
 * `text` with the entry as a new item after the last one of a block `suppressed:` list,
 * indented and styled like it; null when the list has no item to follow (or the result
 * would not read back as the list plus this entry), so the caller rewrites it instead.
 */
function appendedEntry(text: string, entry: SuppressionEntry): string | null {
  const { parseDocument, isSeq, isMap } = yamlPackage();
  const list = parseDocument(text, YAML_OPTIONS).get('suppressed', true);
  if (!isSeq(list) || list.flow || list.items.length === 0) return null;
  const first = list.items[0] as { range?: [number, number, number] } | null;
  const last = list.items.at(-1) as { range?: [number, number, number]; flow?: boolean } | null;
  if (!first?.range || !last?.range) return null;
  const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  const indent = /^( *)- +$/.exec(text.slice(lineStart, first.range[0]))?.[1];
  if (indent === undefined) return null;
  const fields: [string, string][] = [entryKey(entry), ['reason', entry.reason], ['date', entry.date]];
  if (entry.campaign) fields.push(['campaign', entry.campaign]);
  const item =
    isMap(last) && last.flow
      ? `${indent}- {${fields.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ')}}\n`
      : fields.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${yamlScalar(v)}\n`).join('');
  // The item ends on the line of its last character (a block map's range runs past its line break).
  const lineEnd = text.indexOf('\n', Math.max(0, last.range[1] - 1));
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  const result = `${text.slice(0, at)}${lineEnd < 0 ? '\n' : ''}${item}${text.slice(at)}`;
  // Read it back: the list must be what it was plus this entry, or the Document API writes it instead.
  const parsed = parseFile(SUPPRESSION_FILE, { kind: 'suppression' }, result);
  const entries = parsed.diagnostics.some((d) => d.severity === 'error') ? undefined : (parsed.value as Suppression | undefined)?.suppressed;
  const added = entries?.at(-1);
  const same = entries?.length === list.items.length + 1 && added && prospectId(added) === prospectId(entry) && added.reason === entry.reason && String(added.date) === entry.date;
  return same ? result : null;
}

/**
 * The key and value an entry names its person by: the address, lower-cased, as entries
 * always were written; for someone reached only by LinkedIn or phone, that detail as written.
 */
function entryKey(entry: SuppressionEntry): [string, string] {
  if (entry.email) return ['email', normalizeEmail(entry.email)];
  return entry.linkedin ? ['linkedin', entry.linkedin] : ['phone', entry.phone ?? ''];
}

/** A string as YAML that reads back as that string: plain when it safely can be, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[\w@.+-]+$/.test(value) && yamlPackage().parse(value, YAML_OPTIONS) === value ? value : JSON.stringify(value);
}
