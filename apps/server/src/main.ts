import { main } from '@craftcert/bootstrap';

// The API (and, with ROLE=all, the workers) in one process; ROLE decides which.
void main();
