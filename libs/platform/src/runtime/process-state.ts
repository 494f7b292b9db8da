import { readFileSync } from 'node:fs';

export type ProcessState = 'running' | 'zombie' | 'gone';

/**
 * Whether a process still runs. `kill(pid, 0)` alone is not enough: a process that has exited
 * but was not yet reaped (a zombie) still answers it, and where the init process does not reap
 * orphans (some containers) an orphaned server that stopped stays a zombie for good. On Linux
 * the state letter in /proc/<pid>/stat tells the two apart; elsewhere only the signal test is
 * available.
 */
export function processState(pid: number): ProcessState {
  if (!Number.isInteger(pid) || pid <= 0) return 'gone';
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (e.g. the postgres user).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'gone';
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return process.platform === 'linux' ? 'gone' : 'running';
  }
  // "pid (comm) S ...": comm may contain spaces and parentheses, so read after the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X' ? 'zombie' : 'running';
}

export function isRunning(pid: number): boolean {
  return processState(pid) === 'running';
}

/** The parent process id from /proc, or undefined where it cannot be read. */
export function parentPidOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Polls until the process no longer runs; false if it still runs after timeoutMs. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
