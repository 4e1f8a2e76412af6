import { InputError } from '../core/errors';

/**
 * How a pipeline command says it failed: one line, naming the file and the cause, never a stack
 * trace (ATLAS_DEBUG=1 adds it). A file-system error says what it could not do to which path and
 * why, in words: a read-only file system is not a missing file.
 */

interface ErrnoLike {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

const CAUSES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the directory is not empty',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  EIO: 'input/output error',
  EXDEV: 'cannot rename across file systems',
};

const ACTIONS: Record<string, string> = {
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  mkdir: 'cannot create the directory',
  rename: 'cannot rename',
  scandir: 'cannot list the directory',
  stat: 'cannot read',
  lstat: 'cannot read',
  unlink: 'cannot remove',
  rmdir: 'cannot remove',
  copyfile: 'cannot copy',
  spawn: 'cannot run',
};

export function isErrno(e: unknown): e is Error & ErrnoLike {
  const code = (e as Partial<ErrnoLike> | undefined)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** The one line that describes a failure. */
export function describeFailure(e: unknown): string {
  if (e instanceof InputError) return e.message;
  if (isErrno(e)) {
    const cause = `${CAUSES[e.code] ?? e.code.toLowerCase()} (${e.code})`;
    const action = ACTIONS[e.syscall ?? ''] ?? (e.syscall ? `${e.syscall} failed on` : 'cannot use');
    const target = e.path ? `${e.path}${e.dest ? ` → ${e.dest}` : ''}` : '';
    return target ? `${action} ${target}: ${cause}` : `${action}: ${cause}`;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Runs a command's main function: its return value is the exit code; a failure prints
 * "error: …" on one line and exits 1 (2 is left for usage errors the command reports itself).
 */
export async function runCli(main: () => number | undefined | Promise<number | undefined>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (e) {
    process.stderr.write(`\nerror: ${describeFailure(e)}\n`);
    if (process.env.ATLAS_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
    process.exitCode = 1;
  }
}
