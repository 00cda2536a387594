import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { workspace } from './helpers/workspace.js';

// Spanish and French companies write their legal form with dots (`S.A.`, `S.L.`, `S.A.S.`):
// each letter became a word of the folder name, `transportes-iberica-s-a`.
describe('deal new with a legal form written in dotted initials', () => {
  it.each([
    ['Transportes Ibérica S.A.', 'transportes-iberica-sa'],
    ['Transnorte Logística S.L.U.', 'transnorte-logistica-slu'],
    ['Fret Rhône S.A.S.', 'fret-rhone-sas'],
  ])('opens %s as %s', async (name, slug) => {
    const dir = workspace();
    gitInit(dir);
    const result = await runCli(['deal', 'new', name, '--segment', 'mid-market-fintech', '--no-commit', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'threads/sales', slug, 'meta.json')), result.stdout).toBe(true);
  });
});
