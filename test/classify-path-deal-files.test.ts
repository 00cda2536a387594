import { describe, expect, it } from 'vitest';
import { classifyPath } from '../src/workspace/layout.js';

/**
 * A deal's meta.json and stage files are classified without splitting the path
 * (layout.ts: dealFileKind); every path that is not exactly one of those must still be
 * read as before — the campaigns folder, nested folders, empty names, misnamed stages.
 */
describe('classifyPath: the quick way for deal files reads every path as before', () => {
  const cases: [string, unknown][] = [
    ['threads/sales/acme/meta.json', { kind: 'thread-meta', thread: 'threads/sales/acme', family: 'deal' }],
    ['threads/sales/acme/1-input.md', { kind: 'stage', thread: 'threads/sales/acme', family: 'deal', stage: 1 }],
    ['threads/sales/acme/6-learning.md', { kind: 'stage', thread: 'threads/sales/acme', family: 'deal', stage: 6 }],
    ['threads/sales//meta.json', { kind: 'thread-meta', thread: 'threads/sales/', family: 'deal' }],
    ['threads/sales/acme/', { kind: 'other' }],
    ['threads/sales/meta.json', { kind: 'other' }],
    ['threads/sales/campaigns/meta.json', { kind: 'other' }],
    ['threads/sales/campaigns/suppression.yaml', { kind: 'suppression' }],
    ['threads/sales/campaigns/2026-01-05-q1/meta.json', { kind: 'thread-meta', thread: 'threads/sales/campaigns/2026-01-05-q1', family: 'campaign' }],
    ['threads/sales/campaigns/2026-01-05-q1/3-implication.md', { kind: 'stage', thread: 'threads/sales/campaigns/2026-01-05-q1', family: 'campaign', stage: 3 }],
    ['threads/sales/campaigns/c/drafts/a.md', { kind: 'draft', thread: 'threads/sales/campaigns/c' }],
    ['threads/sales/acme/sub/meta.json', { kind: 'other' }],
    ['threads/sales/acme/meta.json/', { kind: 'other' }],
    ['threads/sales/acme/6-learnings.md', { kind: 'stage-misnamed', thread: 'threads/sales/acme', expected: '6-learning.md' }],
    ['threads/sales/acme/06-learning.md', { kind: 'stage-misnamed', thread: 'threads/sales/acme', expected: '6-learning.md' }],
    // A meta.json a desktop or an editor renamed is named, not ignored (misnamed-meta-and-goal.test.ts).
    ['threads/sales/acme/META.json', { kind: 'meta-misnamed', thread: 'threads/sales/acme' }],
    ['threads/sales/acme/meta (1).json', { kind: 'meta-misnamed', thread: 'threads/sales/acme' }],
    ['threads/sales/acme/metadata.json', { kind: 'other' }],
    ['threads/sales/acme/notes.md', { kind: 'other' }],
    ['threads/salesy/acme/meta.json', { kind: 'other' }],
    ['threads/marketing/post/meta.json', { kind: 'thread-meta', thread: 'threads/marketing/post', family: 'marketing' }],
  ];
  it.each(cases)('%s', (path, kind) => {
    expect(classifyPath(path)).toStrictEqual(kind);
  });
});
