import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isRunning, processState, waitForExit } from './process-state';

describe('processState', () => {
  it('tells a zombie (exited, not yet reaped) from a running process', async () => {
    // The shell starts a short sleep in the background, prints its pid and becomes a long
    // sleep, which never reaps it: the short sleep ends as a zombie that kill(pid, 0) still finds.
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: parent.stdout! }).once('line', resolve),
      );
      const child = Number(line);
      expect(processState(parent.pid!)).toBe('running');
      expect(await waitForExit(child, 30000)).toBe(true);
      expect(() => process.kill(child, 0)).not.toThrow();
      expect(processState(child)).toBe('zombie');
      expect(isRunning(child)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('reports a pid that does not exist as gone', () => {
    expect(processState(2 ** 22 + 1)).toBe('gone');
    expect(processState(-1)).toBe('gone');
  });
});
