import { describe, expect, it } from 'vitest';
import { diagnostic, HELD_FILE_ADVICE } from '../src/diagnostics.js';
import { icpConflictsPointedAtSource, icpConflictsToPoint } from '../src/strategy/icp-conflict.js';
import { contentHash } from '../src/strategy/generated-file.js';

// The message only: which file a person is sent to while the canvas and a segment's ICP file
// both hold a pull's conflict (the real pull: test/team-strategy-conflict.test.ts).

const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';
const SEGMENTS = 'strategy/canvas/04-segments.md';
const generated = (body: string): string => `# threadwork:generated sha256=${contentHash(body)}\n${body}`;
const OURS = generated('segment: mid-market-fintech\ntitle: Staff Accountant\n');
const THEIRS = generated('segment: mid-market-fintech\ntitle: Senior Accountant (US)\n');
/** Git's merge of the two sides: one conflict a line. */
const merged = (theirs: string): string => `<<<<<<< HEAD\n${OURS.split('\n')[0]}\n=======\n${theirs.split('\n')[0]}\n>>>>>>> theirs\nsegment: mid-market-fintech\n<<<<<<< HEAD\ntitle: Staff Accountant\n=======\n${theirs.split('\n')[2]}\n>>>>>>> theirs\n`;
const HAND_MERGE = 'Unresolved merge conflict: git\'s markers … are still in the file: expected one version — keep the lines you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines';
const icpError = diagnostic(ICP, { line: 1, column: 1 }, 'error', 'merge-conflict', HAND_MERGE);
const canvasError = diagnostic(SEGMENTS, { line: 35, column: 1 }, 'error', 'merge-conflict', HAND_MERGE);

describe('icpConflictsPointedAtSource', () => {
  it('leaves the ICP file\'s hand-merge advice when no file it is generated from is conflicted and a side was tuned by hand', () => {
    const tuned = THEIRS.replace('Senior Accountant (US)', 'Senior Accountant (US), Controller');
    const diagnostics = [icpError];
    expect([...icpConflictsToPoint(diagnostics)]).toEqual([ICP]);
    expect(icpConflictsPointedAtSource(diagnostics, new Map([[ICP, { ours: OURS, theirs: tuned }]]), () => merged(tuned))).toBe(diagnostics);
  });

  // With the canvas clean (git merged it, or it was resolved first) it still said to hand-merge the file sync regenerates.
  it('says sync regenerates the ICP file when no file it is generated from is conflicted and both sides are as generated', () => {
    const held = diagnostic(ICP, { line: 1, column: 1 }, 'warning', 'derived-held', `Held: values derived from it are held at its last valid version (the one in HEAD), because of its error at 1:1 (merge-conflict). ${HELD_FILE_ADVICE}`);
    const [said, hold] = icpConflictsPointedAtSource([icpError, held], new Map([[ICP, { ours: OURS, theirs: THEIRS }]]), () => merged(THEIRS));
    expect(said).toMatchObject({ path: ICP, line: 1, column: 1, severity: 'error', rule: 'merge-conflict' });
    expect(said?.message).toBe('Unresolved merge conflict in a generated file: both sides regenerated it, each from their own canvas, and neither side of it was edited by hand: expected it regenerated, not merged by hand — `threadwork sync` (or `threadwork strategy`) regenerates it from the canvas as merged');
    expect(hold?.message).toMatch(/`threadwork sync` regenerates it from the canvas as merged, which releases the hold; threadwork will not commit this file until then$/);
  });

  it('keeps the hand merge, after the canvas, when a side of the ICP file was tuned by hand', () => {
    const tuned = THEIRS.replace('Senior Accountant (US)', 'Senior Accountant (US), Controller');
    const [said] = icpConflictsPointedAtSource([icpError, canvasError], new Map([[ICP, { ours: OURS, theirs: tuned }]]), () => merged(tuned));
    expect(said).toMatchObject({ path: ICP, line: 1, column: 1, severity: 'error' });
    expect(said?.message).toBe(`${HAND_MERGE}, once ${SEGMENTS}:35:1, which it is generated from, is resolved: a side of this file was edited by hand, so it is not regenerated over`);
  });

  // The hold's warning ended "Fix the file to release the hold", sending the person to the generated file.
  it.each([
    ['as generated', THEIRS, `Resolve ${SEGMENTS}:35:1 to release the hold: \`threadwork sync\` then regenerates this file from it; threadwork will not commit this file until then`],
    ['tuned by hand', THEIRS.replace('(US)', '(US), Controller'), `Resolve ${SEGMENTS}:35:1 first, then this file's conflict by hand, to release the hold; threadwork will not commit this file while it is broken`],
  ])('says what releases the ICP file\'s hold, at the canvas line, when a side is %s', (_, theirs, release) => {
    const held = diagnostic(ICP, { line: 1, column: 1 }, 'warning', 'derived-held', `Held: values derived from it are held at its last valid version (the one in HEAD), because of its error at 1:1 (merge-conflict). ${HELD_FILE_ADVICE}`);
    const said = icpConflictsPointedAtSource([icpError, canvasError, held], new Map([[ICP, { ours: OURS, theirs }]]), () => merged(theirs));
    expect(said[2]?.message.endsWith(`. ${release}`)).toBe(true);
    expect(said[2]?.message).not.toContain(HELD_FILE_ADVICE);
  });

  it('sends the person to the canvas when both sides are as generated', () => {
    const [said] = icpConflictsPointedAtSource([icpError, canvasError], new Map([[ICP, { ours: OURS, theirs: THEIRS }]]), () => merged(THEIRS));
    expect(said?.message).toContain(`${SEGMENTS}:35:1, which it is generated from, still holds a conflict: expected that file resolved, not this one`);
  });
});
