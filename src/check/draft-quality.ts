import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { assessDraft, type QualityAssessment } from '../outreach/index.js';
import type { DraftValue } from '../schema/stages.js';
import { draftValue, type WorkspaceModel } from '../workspace/model.js';

/** The quality gate on a draft as it is written now (a person may have edited it): what check, the approval gate and `campaign draft`'s kept drafts all judge. */
export function assessWrittenDraft(draft: DraftValue): QualityAssessment {
  return assessDraft({ subject: draft.subject ?? '', body: draft.body, channel: draft.channel, recipient: draft.prospect, signals: draft.signals });
}

/** Drafts the quality gate does not pass, judged on their current text (a person may have edited them). */
export function checkDrafts(model: WorkspaceModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of model.files.values()) {
    const draft = draftValue(file);
    if (!draft) continue;
    if (draft.status !== 'draft' && draft.status !== 'approved') continue;
    const quality = assessWrittenDraft(draft);
    if (quality.ready) continue;
    const critical = quality.issues.filter((i) => i.severity === 'critical').map((i) => i.message);
    out.push(diagnostic(file.path, START, 'warning', 'draft-not-ready', `Draft not ready (grade ${quality.grade}, score ${quality.score.toFixed(2)}): ${asSentences(critical)}`));
  }
  return out;
}

/**
 * The quality gate's issues, one after another: each is a sentence (most end with a
 * period), and joined with "; " they read "writing to them.; 4 words; …".
 */
export function asSentences(messages: readonly string[]): string {
  return messages.map((m) => m.trim()).map((m) => (/[.?!]$/.test(m) ? m : `${m}.`)).join(' ');
}
