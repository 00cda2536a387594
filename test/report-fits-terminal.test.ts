import { afterEach, describe, expect, it, vi } from 'vitest';
import pc from 'picocolors';
import { reportCommand } from '../src/cli/commands/report.js';
import { box, columns } from '../src/report/terminal.js';
import { visibleLength, wrapText } from '../src/text-width.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandText } from './helpers/in-process.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const REPORTS = ['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns'];

/** `threadwork report <name> --dir <dir>` as printed to a terminal `width` cells wide (COLUMNS), without a process. */
function report(name: string, dir: string, width?: number): ReturnType<typeof commandText> {
  vi.stubEnv('THREADWORK_TODAY', '2026-12-01');
  vi.stubEnv('COLUMNS', width === undefined ? '' : String(width));
  return commandText(() => reportCommand(name, {}, { dir, json: false }));
}

/** The report's words, boxes and line breaks left out: what a person reads across the lines. */
const words = (text: string): string => text.replace(/[╭╮╰╯│─]/g, ' ').replace(/\s+/g, ' ');

describe('terminal reports fitted to the terminal', () => {
  it('no line of any report is wider than COLUMNS, every box is whole, and no word is lost', async () => {
    const dir = exampleWorkspaceCopy();
    for (const name of REPORTS) {
      const wide = (await report(name, dir)).stdout;
      for (const width of [80, 50]) {
        const fitted = (await report(name, dir, width)).stdout;
        const lines = fitted.split('\n').filter(Boolean);
        for (const line of lines) expect(visibleLength(line), `${name} at ${width}: ${line}`).toBeLessThanOrEqual(width);
        // A box's lines all have its top's width: a line the terminal wrapped would break it.
        let top: number | undefined;
        for (const line of lines) {
          if (line.startsWith('╭')) top = visibleLength(line);
          else if (top !== undefined && /^[│╰]/.test(line)) expect(visibleLength(line), `${name} at ${width}: ${line}`).toBe(top);
        }
        // Prose keeps every word in order; a table's cell, wrapped under its row, keeps every word.
        for (const sentence of ['Qualification threshold that best separated wins from losses', 'two-proportion z-test p = 0.029', 'open 4 deals worth 78,000', 'Become the reconciliation tool']) {
          if (words(wide).includes(sentence)) expect(words(fitted), `${name} at ${width}`).toContain(sentence);
        }
        const reason = 'Parent company IT required SOC 2 Type II before a pilot could access data';
        if (words(wide).includes(reason)) for (const word of reason.split(' ')) expect(words(fitted).split(' '), `${name} at ${width}`).toContain(word);
      }
    }
    // Without a width (a pipe, a file), nothing is broken: the loss reason stays on one line.
    expect((await report('winloss', dir)).stdout).toMatch(/│ Parent company IT required SOC 2 Type II before a pilot could access data +1 +100% │/);
  });

  it('the CLI fits its boxes to COLUMNS, and a table too wide for it becomes one record at a time', async () => {
    const dir = exampleWorkspaceCopy();
    const { code, stdout } = await runCli(['report', 'campaigns', '--dir', dir], { env: { COLUMNS: '80', THREADWORK_TODAY: '2026-12-01' } });
    expect(code).toBe(0);
    expect(Math.max(...stdout.split('\n').map(visibleLength))).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/│ 2026-09-15-fintech-controller-outbound +│\n│ {3}status completed · sent 240 · delivered 231 · open 51%/);
  });
});

describe('columns and boxes', () => {
  it('wraps the widest column of words under its row, keeping the other columns aligned', () => {
    vi.stubEnv('COLUMNS', '40');
    const lines = columns(
      [
        ['A1', 'Controllers at fintechs with three or more PSPs spend days', '0.80'],
        ['A2', 'Short one', '0.50'],
      ],
      ['l', 'l', 'r'],
    );
    expect(lines).toEqual(['A1  Controllers at fintechs     0.80', '    with three or more PSPs', '    spend days', 'A2  Short one                   0.50']);
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(36);
  });

  it('keeps a whole-cell colour on each wrapped line, so no colour runs into the border', () => {
    vi.stubEnv('COLUMNS', '40');
    const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;
    const lines = columns([['x', red('one two three four five six seven eight nine ten')]], ['l', 'l']);
    expect(lines.length).toBeGreaterThan(1);
    // eslint-disable-next-line no-control-regex -- the colour codes are what is checked
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {3}\u001b\[31m.*\u001b\[39m$/);
  });

  it('cuts a box title that does not fit, and leaves a box alone when no width is known', () => {
    vi.stubEnv('COLUMNS', '40');
    const fitted = box('A goal whose title is far longer than the terminal is wide', ['body']).split('\n');
    expect(fitted[0]).toContain('…');
    expect(new Set(fitted.map(visibleLength))).toEqual(new Set([40]));
    vi.stubEnv('COLUMNS', '');
    const line = `${pc.bold('x')} ${'word '.repeat(30)}`.trim();
    expect(box('t', [line]).split('\n')[1]).toBe(`│ ${line} │`);
  });

  it('wraps text between words, and a word longer than the line between whole characters', () => {
    expect(wrapText('alpha beta gamma', 10)).toEqual(['alpha beta', 'gamma']);
    expect(wrapText('a 🚀🚀🚀🚀🚀🚀 b', 5)).toEqual(['a', '🚀🚀', '🚀🚀', '🚀🚀', 'b']);
    expect(wrapText('', 5)).toEqual(['']);
  });
});
