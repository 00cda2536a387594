import pc from 'picocolors';
import { lettersWithoutLatinForm } from '../../workspace/slug.js';

/**
 * A line saying which words of the name the folder name left out ("Sony 日本" opens
 * `sony`): said, not done quietly, with how to choose the folder name instead. None when
 * the name was all Latin (or the folder was named with --slug: pass '').
 */
export function leftOutNote(name: string, folder: string): string[] {
  const left = lettersWithoutLatinForm(name);
  if (left.length === 0) return [];
  return [`${pc.yellow('note:')} the folder name ${folder} leaves out ${left.join(' ')} (no Latin form); to choose the folder name, remove the thread and open it again with --slug`];
}
