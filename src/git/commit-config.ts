import { GC_AUTO_DEFAULT, parseGcAuto } from './auto-gc.js';
import { gitText } from './git.js';

/** Used when neither the workspace config nor git has an identity; documented in the README. */
export const FALLBACK_IDENTITY = { name: 'threadwork', email: 'threadwork@localhost' };

/** The settings a commit needs, read with one `git config` (config given in the environment included). */
export interface GitConfig {
  /** user.*, author.* and committer.*, as `git config` has them (unset: absent). */
  identity: Map<string, string>;
  /** core.fileMode: whether git trusts the executable bit of the work tree. */
  fileMode: boolean;
  /** gc.auto: how many loose objects make git pack them (auto-gc.ts). */
  gcAuto: number;
  /**
   * commit.gpgSign: `git commit` signs every commit; `git commit-tree`, which the engine runs,
   * reads no such setting and must be asked (`-S`), or a repository that requires signed
   * commits gets unsigned ones from threadwork.
   */
  sign: boolean;
}

const CONFIG_KEYS = '^((user|author|committer)\\.(name|email)|core\\.filemode|gc\\.auto|commit\\.gpgsign)$';
const FALSE = /^(false|no|off|0|)$/i;

export async function readCommitConfig(top: string): Promise<GitConfig> {
  let out = '';
  try {
    out = await gitText(top, ['config', '-z', '--get-regexp', CONFIG_KEYS]);
  } catch {
    // None of them set.
  }
  const values = new Map<string, string>();
  for (const record of out.split('\0')) {
    const newline = record.indexOf('\n');
    if (newline > 0) values.set(record.slice(0, newline).toLowerCase(), record.slice(newline + 1));
    else if (record) values.set(record.toLowerCase(), 'true'); // `[core] filemode` without a value
  }
  const fileMode = values.get('core.filemode');
  const sign = values.get('commit.gpgsign');
  return {
    identity: values,
    fileMode: fileMode === undefined || !FALSE.test(fileMode.trim()),
    gcAuto: parseGcAuto(values.get('gc.auto')) ?? GC_AUTO_DEFAULT,
    sign: sign !== undefined && !FALSE.test(sign.trim()),
  };
}

/**
 * The environment that gives a commit its author and committer. With the workspace's
 * `git.author`, that one. Otherwise git's own order — GIT_AUTHOR_* / GIT_COMMITTER_*, then
 * author.* / committer.*, then user.*, then EMAIL for the address — and nothing is set when
 * git can name both from those (it then computes the same itself); a part none of them
 * gives is the fallback's, rather than a commit git refuses for want of a name.
 */
export function commitIdentity(configured: { name: string; email: string } | undefined, config: GitConfig, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (configured) return { GIT_AUTHOR_NAME: configured.name, GIT_AUTHOR_EMAIL: configured.email, GIT_COMMITTER_NAME: configured.name, GIT_COMMITTER_EMAIL: configured.email };
  const parts = gitIdentity(config, env);
  if (Object.values(parts).every(Boolean)) return {};
  return {
    GIT_AUTHOR_NAME: parts.GIT_AUTHOR_NAME || FALLBACK_IDENTITY.name,
    GIT_AUTHOR_EMAIL: parts.GIT_AUTHOR_EMAIL || FALLBACK_IDENTITY.email,
    GIT_COMMITTER_NAME: parts.GIT_COMMITTER_NAME || FALLBACK_IDENTITY.name,
    GIT_COMMITTER_EMAIL: parts.GIT_COMMITTER_EMAIL || FALLBACK_IDENTITY.email,
  };
}

/** What git's own order names for each part of a commit's identity (undefined: nothing does). */
function gitIdentity(config: GitConfig, env: NodeJS.ProcessEnv): Record<'GIT_AUTHOR_NAME' | 'GIT_AUTHOR_EMAIL' | 'GIT_COMMITTER_NAME' | 'GIT_COMMITTER_EMAIL', string | undefined> {
  const set = config.identity;
  return {
    GIT_AUTHOR_NAME: env.GIT_AUTHOR_NAME || set.get('author.name') || set.get('user.name'),
    GIT_AUTHOR_EMAIL: env.GIT_AUTHOR_EMAIL || set.get('author.email') || set.get('user.email') || env.EMAIL,
    GIT_COMMITTER_NAME: env.GIT_COMMITTER_NAME || set.get('committer.name') || set.get('user.name'),
    GIT_COMMITTER_EMAIL: env.GIT_COMMITTER_EMAIL || set.get('committer.email') || set.get('user.email') || env.EMAIL,
  };
}

/**
 * When a commit took a part of its identity from the fallback (commitIdentity), what the
 * person should set to commit as themselves — the exact `git config` commands — said under
 * the commit line of every commit made so, until they are set: on a fresh machine the
 * first `init` or `sync` would otherwise put `threadwork <threadwork@localhost>` on
 * every commit of the audit trail unnoticed. Undefined when nothing came from the fallback.
 */
export function fallbackIdentityWarning(configured: { name: string; email: string } | undefined, config: GitConfig, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (configured) return undefined;
  const parts = gitIdentity(config, env);
  const commands: string[] = [];
  if (!parts.GIT_AUTHOR_NAME || !parts.GIT_COMMITTER_NAME) commands.push('git config --global user.name "Your Name"');
  if (!parts.GIT_AUTHOR_EMAIL || !parts.GIT_COMMITTER_EMAIL) commands.push('git config --global user.email "you@example.com"');
  if (commands.length === 0) return undefined;
  const keys = commands.map((command) => command.split(' ')[3]!);
  const used = commands.length === 2 ? `${FALLBACK_IDENTITY.name} <${FALLBACK_IDENTITY.email}>` : keys[0] === 'user.name' ? `the name ${FALLBACK_IDENTITY.name}` : `the email ${FALLBACK_IDENTITY.email}`;
  return `git has no ${keys.join(' or ')} here: committed with ${used}, threadwork's fallback; to commit as yourself, run \`${commands.join(' && ')}\` (or set git.author in threadwork.config.yaml)`;
}

/** The fallbackIdentityWarning inside a commit's warning (its warnings joined by `; `), as written there; undefined when it holds none. */
export function fallbackIdentityWarningIn(warning: string): string | undefined {
  return /git has no (?:user\.name or user\.email|user\.name|user\.email) here: .*? \(or set git\.author in threadwork\.config\.yaml\)/.exec(warning)?.[0];
}
