import { main } from '@craftcert/bootstrap';

// A worker-only process: the same bootstrap as the server, with no HTTP listener.
process.env.ROLE = 'worker';
void main();
