import { describe, expect, it } from 'vitest';
import { classifyPath } from '../src/workspace/layout.js';

// classifyPath answers a deal's files without splitting the path (dealFileKind); these are
// the answers the general rules gave before that shortcut, for the paths near its edges.
describe('classifyPath', () => {
  it.each([
    ['threads/sales/acme/meta.json', { kind: 'thread-meta', thread: 'threads/sales/acme', family: 'deal' }],
    ['threads/sales/acme/1-input.md', { kind: 'stage', thread: 'threads/sales/acme', family: 'deal', stage: 1 }],
    ['threads/sales/acme/6-learning.md', { kind: 'stage', thread: 'threads/sales/acme', family: 'deal', stage: 6 }],
    ['threads/sales/acme/6-learnings.md', { kind: 'stage-misnamed', thread: 'threads/sales/acme', expected: '6-learning.md' }],
    ['threads/sales/acme/notes.md', { kind: 'other' }],
    ['threads/sales/acme/drafts/1-input.md', { kind: 'other' }],
    ['threads/sales//meta.json', { kind: 'thread-meta', thread: 'threads/sales/', family: 'deal' }],
    ['threads/sales/acme/', { kind: 'other' }],
    ['threads/sales/campaigns/meta.json', { kind: 'other' }],
    ['threads/sales/campaigns/1-input.md', { kind: 'other' }],
    ['threads/sales/campaigns/suppression.yaml', { kind: 'suppression' }],
    ['threads/sales/campaigns/2026-01-05-q1/meta.json', { kind: 'thread-meta', thread: 'threads/sales/campaigns/2026-01-05-q1', family: 'campaign' }],
    ['threads/sales/campaigns/2026-01-05-q1/drafts/a.md', { kind: 'draft', thread: 'threads/sales/campaigns/2026-01-05-q1' }],
    ['threads/marketing/launch/2-hypothesis.md', { kind: 'stage', thread: 'threads/marketing/launch', family: 'marketing', stage: 2 }],
    ['threads/sales/meta.json', { kind: 'other' }],
    ['threads/salesy/acme/meta.json', { kind: 'other' }],
    ['strategy/canvas/04-segments.md', { kind: 'canvas', section: '04-segments' }],
    ['goals/g-arr.md', { kind: 'goal', id: 'g-arr' }],
    ['threadwork.config.yaml', { kind: 'config' }],
  ])('%s', (path, kind) => {
    expect(classifyPath(path)).toStrictEqual(kind);
  });
});
