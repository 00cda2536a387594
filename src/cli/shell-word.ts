/** An argument as a POSIX shell reads it back: bare when it holds nothing the shell would split or expand, else in single quotes. */
export function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
