import { stopStrayProcesses } from './processes';

// Whatever a test file started as a real process is stopped when the file ends, even when a
// test failed before its own clean-up, so nothing outlives the file and jest can exit.
afterAll(() => stopStrayProcesses(), 90000);
