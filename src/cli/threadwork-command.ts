import { Command, CommanderError, type Option } from 'commander';

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

  /** Called by commander for the first mandatory option without a value (commander's own name, not in its typings). */
  missingMandatoryOptionValue(option: Option): never {
    const options = this.options.filter((o) => o.mandatory && this.getOptionValue(o.attributeName()) === undefined);
    const given = this.args.length;
    const args = this.registeredArguments.filter((a, i) => a.required && i >= given);
    if (args.length === 0 && options.length <= 1) {
      return this.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue' });
    }
    const quoted = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');
    const parts = [
      ...(args.length ? [`required argument${args.length === 1 ? '' : 's'} ${quoted(args.map((a) => a.name()))}`] : []),
      ...(options.length ? [`required option${options.length === 1 ? '' : 's'} ${quoted(options.map((o) => o.flags))}`] : []),
    ];
    const missingArguments = [...args.map((a) => a.name()), ...options.map((o) => o.long ?? o.flags)];
    try {
      return this.error(`error: missing ${parts.join(' and ')}`, { code: 'commander.missingMandatoryOptionValue' });
    } catch (error) {
      // exitOverride turns the exit into this throw: it carries the list for the --json error.
      if (error instanceof CommanderError) Object.assign(error, { missingArguments });
      throw error;
    }
  }
}
