import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { LAYOUT } from '../workspace/layout.js';
import { writeFileAtomicSync } from '../workspace/write.js';

/**
 * The workspace's do-not-contact list: every address that unsubscribed (or was added
 * by hand), respected by every campaign. A source file like any other, committed.
 */
export const SUPPRESSION_FILE = `${LAYOUT.campaigns}/suppression.yaml`;

export interface SuppressionEntry {
  email: string;
  reason: string;
  date: string;
  campaign?: string;
}

export function readSuppression(root: string): SuppressionEntry[] {
  let text: string;
  try {
    text = readFileSync(join(root, SUPPRESSION_FILE), 'utf8');
  } catch {
    return [];
  }
  const data = parseDocument(text).toJS() as { suppressed?: unknown } | null;
  const list = Array.isArray(data?.suppressed) ? data.suppressed : [];
  return list.filter((e): e is SuppressionEntry => typeof e === 'object' && e !== null && typeof (e as SuppressionEntry).email === 'string');
}

export function suppressedSet(root: string): Set<string> {
  return new Set(readSuppression(root).map((e) => e.email.trim().toLowerCase()));
}

/** Adds an address once; returns false when it was already on the list. Comments and order in the file are kept. */
export function addSuppression(root: string, entry: SuppressionEntry): boolean {
  if (suppressedSet(root).has(entry.email.trim().toLowerCase())) return false;
  let text: string;
  try {
    text = readFileSync(join(root, SUPPRESSION_FILE), 'utf8');
  } catch {
    text = '# Addresses no campaign may contact: unsubscribes recorded by `threadwork campaign reply`, or added by hand.\nsuppressed: []\n';
  }
  const doc = parseDocument(text);
  if (!doc.has('suppressed') || !Array.isArray(doc.toJS()?.suppressed)) doc.set('suppressed', doc.createNode([]));
  const list = doc.get('suppressed') as { flow?: boolean; add(value: unknown): void };
  list.flow = false;
  list.add(doc.createNode({ email: entry.email.trim().toLowerCase(), reason: entry.reason, date: entry.date, ...(entry.campaign ? { campaign: entry.campaign } : {}) }));
  writeFileAtomicSync(root, SUPPRESSION_FILE, doc.toString({ lineWidth: 0 }));
  return true;
}
