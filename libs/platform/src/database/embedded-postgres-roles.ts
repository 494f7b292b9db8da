import { resolve } from 'node:path';
import { Client } from 'pg';
import { randomSecret, readOrCreateSecretFile } from '../security/secret-file';

/** The cluster's superuser: used by the embedded bootstrap and by migrations, nothing else. */
export const SUPERUSER = 'craftcert';
/**
 * The role the application runs as: no superuser, no CREATEDB/CREATEROLE; it owns only the
 * schemas it creates (the queue backend's), and reads and writes the rows of `public`.
 */
export const APPLICATION_ROLE = 'craftcert_app';
/** Clusters created before passwords were generated per data directory used this one. */
const LEGACY_SUPERUSER_PASSWORD = 'craftcert-embedded';
const INVALID_PASSWORD = '28P01';

export interface EmbeddedCredentials {
  superuserPassword: string;
  applicationPassword: string;
}

/**
 * The passwords of a data directory, each in its own file (mode 0600) beside the cluster:
 * `<DATA_DIR>/postgres-superuser.password` and `<DATA_DIR>/postgres-app.password`. Generated
 * when missing, so a new data directory gets passwords nobody else knows.
 */
export function embeddedCredentials(dataDir: string): EmbeddedCredentials {
  return {
    superuserPassword: readOrCreateSecretFile(
      resolve(dataDir, 'postgres-superuser.password'),
      randomSecret,
    ).value,
    applicationPassword: readOrCreateSecretFile(
      resolve(dataDir, 'postgres-app.password'),
      randomSecret,
    ).value,
  };
}

/**
 * Connects as the superuser. A cluster from before per-directory passwords still has the old
 * constant one: it is changed to the generated password on this first connection.
 */
export async function connectAsSuperuser(
  port: number,
  credentials: EmbeddedCredentials,
  database = 'postgres',
): Promise<Client> {
  const connect = async (password: string) => {
    const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database });
    await client.connect();
    return client;
  };
  try {
    return await connect(credentials.superuserPassword);
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_PASSWORD) throw error;
    let client: Client;
    try {
      client = await connect(LEGACY_SUPERUSER_PASSWORD);
    } catch (cause) {
      throw new Error(
        'the PostgreSQL superuser password in <DATA_DIR>/postgres-superuser.password does not ' +
          'match the cluster: restore that file from the backup of this data directory',
        { cause },
      );
    }
    await client.query(
      `ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(credentials.superuserPassword)}`,
    );
    return client;
  }
}

/**
 * Creates (or brings up to date) the application's role and database. The tables in `public`
 * belong to the superuser, who runs the migrations; the application may read and write their
 * rows but not alter, truncate or drop them, nor touch their triggers. The schemas it needs
 * to create objects in at run time (the PostgreSQL queue backend's) are its own.
 */
export async function bootstrapApplicationRole(
  port: number,
  credentials: EmbeddedCredentials,
  database: string,
  applicationSchemas: string[],
): Promise<void> {
  const admin = await connectAsSuperuser(port, credentials);
  try {
    const password = admin.escapeLiteral(credentials.applicationPassword);
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      APPLICATION_ROLE,
    ]);
    await admin.query(
      `${exists.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${APPLICATION_ROLE} LOGIN NOSUPERUSER ` +
        `NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`,
    );
    const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (db.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  const owner = await connectAsSuperuser(port, credentials, database);
  const app = APPLICATION_ROLE;
  try {
    await owner.query(`REVOKE ALL ON DATABASE ${owner.escapeIdentifier(database)} FROM PUBLIC`);
    // CREATE: the queue backend runs `CREATE SCHEMA IF NOT EXISTS` for its own schema on every
    // start, which PostgreSQL checks against this right even when the schema exists.
    await owner.query(
      `GRANT CONNECT, TEMPORARY, CREATE ON DATABASE ${owner.escapeIdentifier(database)} TO ${app}`,
    );
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await owner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    );
    await owner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await owner.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${SUPERUSER} IN SCHEMA public ` +
        `GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    await owner.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${SUPERUSER} IN SCHEMA public ` +
        `GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
    );
    for (const schema of applicationSchemas) await ownSchema(owner, schema);
  } finally {
    await owner.end();
  }
}

/**
 * Gives the application role a schema and everything in it. A schema created by an earlier
 * version (when the application ran as the superuser) changes hands with its tables.
 */
async function ownSchema(client: Client, schema: string): Promise<void> {
  const name = client.escapeIdentifier(schema);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${name} AUTHORIZATION ${APPLICATION_ROLE}`);
  await client.query(`ALTER SCHEMA ${name} OWNER TO ${APPLICATION_ROLE}`);
  // Tables (their owned sequences follow them), stand-alone sequences, views and functions.
  const objects = await client.query<{ statement: string }>(
    `SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                             WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              c.oid::regclass, $2::text) AS statement
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
        AND pg_get_userbyid(c.relowner) <> $2
        AND NOT (c.relkind = 'S' AND EXISTS (
              SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $2::text)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
    [schema, APPLICATION_ROLE],
  );
  for (const { statement } of objects.rows) await client.query(statement);
}

export function databaseUrl(
  port: number,
  user: string,
  password: string,
  database: string,
): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
