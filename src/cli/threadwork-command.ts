import { Command, CommanderError, type HelpContext, type Option } from 'commander';
import { MissingSegment, SEGMENT_FLAG } from './missing-segment.js';
import { shellWord } from './shell-word.js';

/** The commands whose last argument is a name in words (`deal new <company>`, `campaign new <name>`), which a shell splits at a space. */
const NAMED_IN_WORDS = new Set(['deal new', 'campaign new']);

/** How other tools ask for their version, which threadwork spells `-V, --version` (commander's). */
const VERSION_SLIPS = new Set(['-v', '-version']);

/** What to say when two options cannot both hold: what each does, then to choose. */
const CONFLICT_HINTS: Record<string, string> = { '--md --json': '--md prints Markdown, --json prints one JSON document; give one of them' };

/**
 * commander, with every missing required input named at once. commander stops at the first
 * missing required option, before it looks at the arguments: `deal new --json` said only that
 * `--segment` was missing, and once it was given, that the company was. A person or an agent
 * should fix the command line in one go, so the error lists every required argument and
 * option that is missing (`missingArguments` in the --json error).
 */
export class ThreadworkCommand extends Command {
  override createCommand(name?: string): Command {
    return new ThreadworkCommand(name);
  }

  /**
   * commander shows a command's help as an error when a command group is given no command
   * (`threadwork deal`, a bare `threadwork`): the help alone, exit 1, no word of what was
   * wrong — and under --json an error saying that --help, never typed, prints text. It is a
   * missing command: said so, naming the commands that would do (`known` in the --json
   * error), the help still shown after it.
   */
  override help(context?: HelpContext | ((str: string) => string)): never {
    if (typeof context === 'object' && context.error && this.commands.length > 0) {
      const known = this.commands.map((c) => c.name()).filter((name) => name !== 'help');
      const path = [this.name()];
      for (let cmd = this.parent; cmd; cmd = cmd.parent) path.unshift(cmd.name());
      try {
        return this.error(`error: missing command: \`${path.join(' ')}\` takes one of: ${known.join(', ')}`, { code: 'commander.missingArgument' });
      } catch (error) {
        if (error instanceof CommanderError) Object.assign(error, { known });
        throw error;
      }
    }
    return super.help(context as HelpContext);
  }

  /**
   * commander's `help <command>` (its own name, not in its typings) takes one name:
   * `help deal new` showed the help of `deal`, the `new` dropped. Every name after `help` is
   * followed down the command groups (`help campaign draft`), and the last one's help is
   * shown. A name no command has at its place is an unknown command, as `threadwork sycn`
   * is, with the near one named — not a group's or the program's help shown as an error;
   * a name after a command that has no commands (`help sync now`) is refused as such.
   */
  _dispatchHelpCommand(name?: string): unknown {
    // `this.args` holds every operand, `help` first, then the names (commander passes the first alone).
    const names = name === undefined ? [] : this.args.slice(1).filter((arg) => !arg.startsWith('-'));
    const path = [this.name()];
    for (let cmd = this.parent; cmd; cmd = cmd.parent) path.unshift(cmd.name());
    const [first, ...rest] = names;
    if (first === undefined) return this.help();
    let command = subcommandOf(this, first);
    for (const wanted of rest) {
      path.push(command.name());
      if (command.commands.length === 0) {
        return command.error(`error: \`${path.join(' ')}\` has no commands, so '${wanted}' is none: for its help, run \`${[path[0], 'help', ...path.slice(1)].join(' ')}\``, { code: 'commander.unknownCommand' });
      }
      command = subcommandOf(command, wanted);
    }
    return command.help();
  }

  /**
   * commander's unknown command (its own name, not in its typings): `threadwork sycn` said
   * "Did you mean sync?" and then printed the whole help, ~60 lines that pushed the answer off
   * the screen. The error and the near command are followed by where the list is instead.
   * `help <name>` with a name no command has still shows the help it asked for (subcommandOf).
   */
  unknownCommand(): never {
    const settings = this as unknown as { _showHelpAfterError: boolean | string };
    const before = settings._showHelpAfterError;
    if (before === true) settings._showHelpAfterError = `Run \`${commandPath(this)} --help\` for its commands.`;
    try {
      // `threadwork version`, as some tools have it: the option is what was meant (nothing near it among the commands).
      if (!this.parent && this.args[0] === 'version') this.error(`error: unknown command 'version'\n(Did you mean --version?)`, { code: 'commander.unknownCommand' });
      // `deal advance`, `new "Acme"`: a command that is there, a level up or down.
      const elsewhere = this.args[0] === undefined ? [] : commandsElsewhere(this, this.args[0]);
      if (elsewhere.length > 0) this.error(`error: unknown command '${this.args[0]!}'\n(Did you mean ${elsewhere.map((c) => `\`${invocation(c)}\``).join(' or ')}?)`, { code: 'commander.unknownCommand' });
      return (Command.prototype as unknown as { unknownCommand(this: Command): never }).unknownCommand.call(this);
    } finally {
      settings._showHelpAfterError = before;
    }
  }

  /**
   * commander's too many arguments (its own name, not in its typings): `deal new Zeta Co`
   * said "Expected 1 argument but got 2" and no more — the shell had split a name with a
   * space in two. The error names what the command takes and what it was given; for a
   * command named in words (NAMED_IN_WORDS), the command with the extra words quoted as its
   * last argument, to run again; for a command that takes none (`check ../my-gtm`), the one
   * word as the folder --dir names; for the others, where to read its usage.
   */
  _excessArguments(received: readonly string[]): void {
    const expected = this.registeredArguments;
    const last = expected[expected.length - 1];
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments || last?.variadic) {
      (Command.prototype as unknown as { _excessArguments(this: Command, args: readonly string[]): void })._excessArguments.call(this, received);
      return;
    }
    const takes = last ? expected.map((a) => `<${a.name()}>`).join(' ') : 'no arguments';
    const given = `\`${commandPath(this)}\` takes ${takes}, given ${received.length} (${received.join(', ')})`;
    // `check ../my-gtm`: a folder given to a command that works on the workspace is one for --dir.
    if (!last && received.length === 1) {
      this.error(`error: too many arguments: ${given}. For the workspace in that folder: ${commandPath(this)} --dir ${shellWord(received[0]!)}`, { code: 'commander.excessArguments' });
    }
    // Only a name (a company's, a campaign's) is words a space may be part of: an id, a report or an email with one is a slip of another kind.
    const quoted = last && NAMED_IN_WORDS.has(commandPath(this).split(' ').slice(1).join(' '))
      ? `A name with spaces is one argument in quotes: ${commandPath(this)} ${[...received.slice(0, expected.length - 1), received.slice(expected.length - 1).join(' ')].map(shellWord).join(' ')}`
      : `Run \`${commandPath(this)} --help\` for its usage.`;
    this.error(`error: too many arguments: ${given}. ${quoted}`, { code: 'commander.excessArguments' });
  }

  /**
   * commander's unknown option (its own name, not in its typings). A long option near none of
   * the command's (`--contact-name`) carries the options the command takes, global ones
   * included (`known` in the --json error): the advice for a value that starts with a dash
   * (main.ts) says nothing to someone who typed an option name.
   */
  unknownOption(flag: string): never {
    // The program's own help is the ~60 lines of every command, which pushed the error and the
    // near option off the screen, as it did for an unknown command: where to read it instead.
    // A command's help is its few options, shown after the error as before.
    const settings = this as unknown as { _showHelpAfterError: boolean | string };
    const before = settings._showHelpAfterError;
    if (!this.parent && before === true) settings._showHelpAfterError = `Run \`${commandPath(this)} --help\` for its options and commands.`;
    try {
      // `-v` and `-version`, as other tools spell it: commander's spelling check looks at long options only, and named none.
      if (!this.parent && VERSION_SLIPS.has(flag)) this.error(`error: unknown option '${flag}'\n(Did you mean --version?)`, { code: 'commander.unknownOption' });
      // `check --md`: an option another command takes is named with the commands that take it.
      const takers = this.parent ? commandsTaking(flag, rootOf(this)).filter((cmd) => cmd !== this) : [];
      if (takers.length) this.error(`error: unknown option '${flag}'\n(${flag} is an option of ${listed(takers.map((cmd) => `\`${commandPath(cmd)}\``))})`, { code: 'commander.unknownOption' });
      return (Command.prototype as unknown as { unknownOption(this: Command, flag: string): never }).unknownOption.call(this, flag);
    } catch (error) {
      if (error instanceof CommanderError && /^--[a-z]/i.test(flag) && !error.message.includes('(Did you mean')) {
        const known: string[] = [];
        const chain: Command[] = [this];
        for (let cmd = this.parent; cmd; cmd = cmd.parent) chain.push(cmd);
        // The program's --version prints a version and runs no command: no option of a command's to suggest.
        const runsNoCommand = (cmd: Command, option: Option): boolean => cmd !== this && option.attributeName() === (cmd as unknown as { _versionOptionName?: string })._versionOptionName;
        for (const cmd of chain) for (const option of cmd.options) if (option.long && !option.hidden && !runsNoCommand(cmd, option) && !known.includes(option.long)) known.push(option.long);
        Object.assign(error, { known });
      }
      throw error;
    } finally {
      settings._showHelpAfterError = before;
    }
  }

  /** The values each option of one value was given in this parse (repeatedOption). */
  private readonly givenValues = new Map<string, string>();

  /**
   * An option of one value given twice with two values (`--segment a --segment b`) is a
   * usage error naming both: commander kept the last without a word, so an agent that
   * repeated an option never learnt that one value was dropped. The same value twice is
   * harmless and taken.
   */
  override addOption(option: Option): this {
    super.addOption(option);
    if ((option.required || option.optional) && !option.variadic) {
      this.on(`option:${option.name()}`, (value: unknown) => {
        if (typeof value !== 'string') return;
        const before = this.givenValues.get(option.name());
        if (before !== undefined && before !== value) {
          this.error(`error: option '${option.flags}' given twice ('${before}', then '${value}'): give it once`, { code: 'commander.repeatedOption' });
        }
        this.givenValues.set(option.name(), value);
      });
    }
    return this;
  }

  /**
   * commander's conflict check (its own name, not in its typings) looks at one command's
   * options only: `--md`, a command's own, conflicting with the global `--json` went
   * unnoticed and the JSON was printed, --md dropped without a word. An option's conflicts
   * are checked against the options of the commands above it too, as a usage error.
   */
  _checkForConflictingOptions(): void {
    (Command.prototype as unknown as { _checkForConflictingOptions(this: Command): void })._checkForConflictingOptions.call(this);
    const given = (cmd: Command, option: Option): boolean => cmd.getOptionValue(option.attributeName()) !== undefined && cmd.getOptionValueSource(option.attributeName()) !== 'default';
    for (const option of this.options) {
      const conflicts = (option as Option & { conflictsWith: string[] }).conflictsWith;
      if (!conflicts.length || !given(this, option)) continue;
      for (let cmd = this.parent; cmd; cmd = cmd.parent) {
        const other = cmd.options.find((o) => conflicts.includes(o.attributeName()) && given(cmd, o));
        if (other) this.error(`error: option '${option.long ?? option.flags}' cannot be used with option '${other.long ?? other.flags}': ${CONFLICT_HINTS[`${option.long} ${other.long}`] ?? 'give one of them'}`, { code: 'commander.conflictingOption' });
      }
    }
  }

  /**
   * commander's missing argument (its own name, not in its typings): `report --json` said "missing required argument 'name'" and
   * not what a name is, so an agent had to read the help to retry. The argument's own
   * description (what `--help` shows under Arguments) says what was expected.
   */
  missingArgument(name: string): never {
    const description = this.registeredArguments.find((a) => a.name() === name)?.description;
    try {
      return this.error(`error: missing required argument '${name}'${description ? `: expected ${description}` : ''}`, { code: 'commander.missingArgument' });
    } catch (error) {
      // As with several inputs missing (missingMandatoryOptionValue): the --json error names it in `missingArguments`.
      if (error instanceof CommanderError) Object.assign(error, { missingArguments: [name] });
      throw error;
    }
  }

  /** Called by commander for the first mandatory option without a value (commander's own name, not in its typings). */
  missingMandatoryOptionValue(option: Option): never {
    // commander checks required options before unknown ones: `--segement x` was "--segment not
    // specified" to someone who had just typed it. The slip is what to fix: named first, with
    // the option meant. (Values that start with a dash come after `--`, escaped: never here.)
    const slip = this.args.find((arg) => arg.length > 1 && arg.startsWith('-'));
    if (slip) return (this as unknown as { unknownOption(flag: string): never }).unknownOption(slip.split('=')[0]!);
    const options = this.options.filter((o) => o.mandatory && this.getOptionValue(o.attributeName()) === undefined);
    const given = this.args.length;
    const args = this.registeredArguments.filter((a, i) => a.required && i >= given);
    const quoted = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');
    const parts = [
      ...(args.length ? [`required argument${args.length === 1 ? '' : 's'} ${quoted(args.map((a) => a.name()))}`] : []),
      ...(options.length ? [`required option${options.length === 1 ? '' : 's'} ${quoted(options.map((o) => o.flags))}`] : []),
    ];
    const message = args.length === 0 && options.length <= 1 ? `error: required option '${option.flags}' not specified` : `error: missing ${parts.join(' and ')}`;
    const missingArguments = [...args.map((a) => a.name()), ...options.map((o) => o.long ?? o.flags)];
    // A missing segment is answered with the workspace's segments, which main.ts reads: not the usage text.
    if (missingArguments.includes(SEGMENT_FLAG)) throw new MissingSegment(message.replace(/^error: /, ''), commandPath(this).split(' ').slice(1).join(' '), missingArguments);
    if (args.length === 0 && options.length <= 1) return this.error(message, { code: 'commander.missingMandatoryOptionValue' });
    try {
      return this.error(message, { code: 'commander.missingMandatoryOptionValue' });
    } catch (error) {
      // exitOverride turns the exit into this throw: it carries the list for the --json error.
      if (error instanceof CommanderError) Object.assign(error, { missingArguments });
      throw error;
    }
  }
}

/** The command of `group` named `name`, or commander's unknown-command error in `group` (the near one named). */
function subcommandOf(group: Command, name: string): Command {
  const found = group.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (found) return found;
  group.args = [name];
  // commander's own: asked for help, the person gets it after the error (not the short hint of ThreadworkCommand's).
  return (Command.prototype as unknown as { unknownCommand(this: Command): never }).unknownCommand.call(group);
}

/**
 * The commands named `name` in other places than `group` — the program's own and those of
 * its groups (`threadwork advance` for `deal advance`, `deal new` and `campaign new` for
 * `new`): commander's spelling check looks among the group's commands alone.
 */
function commandsElsewhere(group: Command, name: string): Command[] {
  let program = group;
  while (program.parent) program = program.parent;
  const named = (c: Command): boolean => c !== group && c.name() !== 'help' && (c.name() === name || c.aliases().includes(name));
  return [...program.commands.filter(named), ...program.commands.flatMap((c) => c.commands.filter(named))];
}

/** `threadwork advance <thread>`: a command with the arguments it takes. */
function invocation(command: Command): string {
  return [commandPath(command), ...command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`))].join(' ');
}

/** `threadwork deal`: the command's name after those of the groups above it. */
/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The program a command belongs to. */
function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/** The commands under `root`, at any depth, that take the long option `flag`. */
function commandsTaking(flag: string, root: Command): Command[] {
  return root.commands.flatMap((cmd) => [...(cmd.options.some((o) => o.long === flag) ? [cmd] : []), ...commandsTaking(flag, cmd)]);
}

function commandPath(command: Command): string {
  const path = [command.name()];
  for (let cmd = command.parent; cmd; cmd = cmd.parent) path.unshift(cmd.name());
  return path.join(' ');
}
