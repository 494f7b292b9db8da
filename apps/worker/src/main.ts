import { main } from '../../server/src/main';

// A worker-only process: the same bootstrap as the server, with no HTTP listener.
process.env.ROLE = 'worker';
void main();
