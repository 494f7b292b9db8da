import { EntityManager } from 'typeorm';

// Serialises first starts of several replicas so exactly one creates the first administrator.
const FIRST_ADMIN_LOCK_KEY = 727_101;

/** Holds the first-start lock until the caller's transaction ends. */
export async function lockFirstStart(tx: EntityManager): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK_KEY]);
}
