import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const ROLES = ['all', 'api', 'worker'] as const;
export type Role = (typeof ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Every setting the platform reads from the environment. Validated once, before Nest starts,
 * so a typo stops the process with a message that names the variable.
 */
export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT = 3000;

  /** A worker-only process (ROLE=worker) serves its liveness and readiness here. */
  @Transform(toInt)
  @IsInt({ message: 'HEALTH_PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'HEALTH_PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'HEALTH_PORT must be an integer between 0 and 65535' })
  HEALTH_PORT = 3001;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATA_DIR = './.data';

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string = undefined;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  @IsIn(ROLES, { message: `ROLE must be one of: ${ROLES.join(', ')}` })
  ROLE: Role = 'all';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be an integer number of milliseconds (1000–60000)' })
  @Min(1000, {
    message: 'SHUTDOWN_TIMEOUT_MS must be an integer number of milliseconds (1000–60000)',
  })
  @Max(60000, {
    message: 'SHUTDOWN_TIMEOUT_MS must be an integer number of milliseconds (1000–60000)',
  })
  SHUTDOWN_TIMEOUT_MS = 8000;

  @Matches(/^[a-z][a-z0-9_]{0,40}$/, {
    message:
      'QUEUE_PREFIX must be lower-case letters, digits or _ (a Redis key prefix and PostgreSQL schema name)',
  })
  QUEUE_PREFIX = 'craftcert_jobs';

  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 86400' })
  @Min(60, { message: 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 86400' })
  @Max(86400, { message: 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 86400' })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt({ message: 'REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 365' })
  @Min(1, { message: 'REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 365' })
  @Max(365, { message: 'REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 365' })
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_MAX_FAILURES must be an integer between 1 and 100' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES must be an integer between 1 and 100' })
  @Max(100, { message: 'LOGIN_MAX_FAILURES must be an integer between 1 and 100' })
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ACCOUNT_MAX_FAILURES must be an integer between 1 and 1000' })
  @Min(1, { message: 'LOGIN_ACCOUNT_MAX_FAILURES must be an integer between 1 and 1000' })
  @Max(1000, { message: 'LOGIN_ACCOUNT_MAX_FAILURES must be an integer between 1 and 1000' })
  LOGIN_ACCOUNT_MAX_FAILURES = 20;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ADDRESS_MAX_FAILURES must be an integer between 1 and 1000' })
  @Min(1, { message: 'LOGIN_ADDRESS_MAX_FAILURES must be an integer between 1 and 1000' })
  @Max(1000, { message: 'LOGIN_ADDRESS_MAX_FAILURES must be an integer between 1 and 1000' })
  LOGIN_ADDRESS_MAX_FAILURES = 30;

  @Transform(toInt)
  @IsInt({ message: 'LOCKOUT_MINUTES must be an integer between 1 and 1440' })
  @Min(1, { message: 'LOCKOUT_MINUTES must be an integer between 1 and 1440' })
  @Max(1440, { message: 'LOCKOUT_MINUTES must be an integer between 1 and 1440' })
  LOCKOUT_MINUTES = 15;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string = undefined;

  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000' })
  @Min(1, { message: 'RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000' })
  @Max(1_000_000, { message: 'RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000' })
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000' })
  @Min(1, { message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000' })
  @Max(1_000_000, {
    message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000',
  })
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Set when behind a reverse proxy, so client addresses (rate limits, logs) come from X-Forwarded-For. */
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;

  /** Embedded database only: seed the demo (city scheme, a released and a noticed edition) on first start. */
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO = true;

  /** Comma-separated origins allowed to call the API from a browser; empty: same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** 32 random bytes, base64: encrypts personal data at rest. Unset: a key file in DATA_DIR. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'PII_ENCRYPTION_KEY must be 32 bytes, base64-encoded (44 characters)',
  })
  PII_ENCRYPTION_KEY?: string = undefined;

  /** Where evidence files are stored (default: <DATA_DIR>/evidence). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  EVIDENCE_DIR?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'UPLOAD_LIMIT_BYTES must be an integer between 1024 and 104857600' })
  @Min(1024, { message: 'UPLOAD_LIMIT_BYTES must be an integer between 1024 and 104857600' })
  @Max(104_857_600, { message: 'UPLOAD_LIMIT_BYTES must be an integer between 1024 and 104857600' })
  UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

  /** A nomination spreadsheet larger than this is refused (413) before it is read. */
  @Transform(toInt)
  @IsInt({ message: 'IMPORT_MAX_BYTES must be an integer between 1024 and 104857600' })
  @Min(1024, { message: 'IMPORT_MAX_BYTES must be an integer between 1024 and 104857600' })
  @Max(104_857_600, { message: 'IMPORT_MAX_BYTES must be an integer between 1024 and 104857600' })
  IMPORT_MAX_BYTES = 10 * 1024 * 1024;

  /** Filled data rows accepted in one spreadsheet import; reading stops at the first one over. */
  @Transform(toInt)
  @IsInt({ message: 'IMPORT_MAX_ROWS must be an integer between 1 and 100000' })
  @Min(1, { message: 'IMPORT_MAX_ROWS must be an integer between 1 and 100000' })
  @Max(100_000, { message: 'IMPORT_MAX_ROWS must be an integer between 1 and 100000' })
  IMPORT_MAX_ROWS = 1000;

  /** Non-empty cells read from one spreadsheet import (every sheet together). */
  @Transform(toInt)
  @IsInt({ message: 'IMPORT_MAX_CELLS must be an integer between 100 and 10000000' })
  @Min(100, { message: 'IMPORT_MAX_CELLS must be an integer between 100 and 10000000' })
  @Max(10_000_000, { message: 'IMPORT_MAX_CELLS must be an integer between 100 and 10000000' })
  IMPORT_MAX_CELLS = 100_000;

  /** What the parts of one spreadsheet may claim to unpack to (a zip bomb stops here). */
  @Transform(toInt)
  @IsInt({ message: 'IMPORT_MAX_UNZIPPED_BYTES must be an integer between 1024 and 1073741824' })
  @Min(1024, {
    message: 'IMPORT_MAX_UNZIPPED_BYTES must be an integer between 1024 and 1073741824',
  })
  @Max(1_073_741_824, {
    message: 'IMPORT_MAX_UNZIPPED_BYTES must be an integer between 1024 and 1073741824',
  })
  IMPORT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

  /** The longest pipeline definition text (YAML or JSON) accepted, in characters. */
  @Transform(toInt)
  @IsInt({ message: 'DEFINITION_MAX_CHARS must be an integer between 1000 and 1000000' })
  @Min(1000, { message: 'DEFINITION_MAX_CHARS must be an integer between 1000 and 1000000' })
  @Max(1_000_000, { message: 'DEFINITION_MAX_CHARS must be an integer between 1000 and 1000000' })
  DEFINITION_MAX_CHARS = 500_000;

  /** How deeply a pipeline definition may nest (mappings and sequences). */
  @Transform(toInt)
  @IsInt({ message: 'DEFINITION_MAX_DEPTH must be an integer between 8 and 1000' })
  @Min(8, { message: 'DEFINITION_MAX_DEPTH must be an integer between 8 and 1000' })
  @Max(1000, { message: 'DEFINITION_MAX_DEPTH must be an integer between 8 and 1000' })
  DEFINITION_MAX_DEPTH = 64;

  /** YAML aliases (*name) a definition may use; each may expand to at most this many nodes. */
  @Transform(toInt)
  @IsInt({ message: 'DEFINITION_MAX_ALIASES must be an integer between 0 and 10000' })
  @Min(0, { message: 'DEFINITION_MAX_ALIASES must be an integer between 0 and 10000' })
  @Max(10_000, { message: 'DEFINITION_MAX_ALIASES must be an integer between 0 and 10000' })
  DEFINITION_MAX_ALIASES = 100;

  /** Threads that read uploads and definitions off the event loop. */
  @Transform(toInt)
  @IsInt({ message: 'PARSE_WORKERS must be an integer between 1 and 16' })
  @Min(1, { message: 'PARSE_WORKERS must be an integer between 1 and 16' })
  @Max(16, { message: 'PARSE_WORKERS must be an integer between 1 and 16' })
  PARSE_WORKERS = 2;

  /** Heap each of those threads may use; a file that needs more is refused. */
  @Transform(toInt)
  @IsInt({ message: 'PARSE_MEMORY_MB must be an integer between 64 and 4096' })
  @Min(64, { message: 'PARSE_MEMORY_MB must be an integer between 64 and 4096' })
  @Max(4096, { message: 'PARSE_MEMORY_MB must be an integer between 64 and 4096' })
  PARSE_MEMORY_MB = 256;

  /** How long one file or definition may take to read; a longer one is refused. */
  @Transform(toInt)
  @IsInt({ message: 'PARSE_TIMEOUT_MS must be an integer between 1000 and 600000' })
  @Min(1000, { message: 'PARSE_TIMEOUT_MS must be an integer between 1000 and 600000' })
  @Max(600_000, { message: 'PARSE_TIMEOUT_MS must be an integer between 1000 and 600000' })
  PARSE_TIMEOUT_MS = 30_000;

  /** Ed25519 key (PEM) that signs audit checkpoints; created 0600 on first use. Default: <DATA_DIR>/audit-checkpoint.key */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  AUDIT_CHECKPOINT_KEY_FILE?: string = undefined;

  /** Ed25519 key (PEM) that signs certificates' credentials; created 0600 on first use. Default: <DATA_DIR>/credential-signing.key */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  CREDENTIAL_KEY_FILE?: string = undefined;

  /** The checkpoint log (JSON lines, append-only). Default: <DATA_DIR>/audit-checkpoints.jsonl */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  AUDIT_CHECKPOINT_LOG?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'AUDIT_CHECKPOINT_INTERVAL_MINUTES must be an integer between 1 and 1440' })
  @Min(1, { message: 'AUDIT_CHECKPOINT_INTERVAL_MINUTES must be an integer between 1 and 1440' })
  @Max(1440, { message: 'AUDIT_CHECKPOINT_INTERVAL_MINUTES must be an integer between 1 and 1440' })
  AUDIT_CHECKPOINT_INTERVAL_MINUTES = 15;

  /** Base URL used in links sent to people (invitations, password resets). */
  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  @IsString()
  @Matches(/^[^\r\n]{3,200}$/, { message: 'MAIL_FROM must be one line of 3–200 characters' })
  MAIL_FROM = 'craftcert <no-reply@craftcert.local>';

  @Transform(toInt)
  @IsInt({ message: 'NOTIFICATION_ATTEMPTS must be an integer between 1 and 20' })
  @Min(1, { message: 'NOTIFICATION_ATTEMPTS must be an integer between 1 and 20' })
  @Max(20, { message: 'NOTIFICATION_ATTEMPTS must be an integer between 1 and 20' })
  NOTIFICATION_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt({ message: 'NOTIFICATION_BACKOFF_MS must be an integer between 10 and 3600000' })
  @Min(10, { message: 'NOTIFICATION_BACKOFF_MS must be an integer between 10 and 3600000' })
  @Max(3600000, { message: 'NOTIFICATION_BACKOFF_MS must be an integer between 10 and 3600000' })
  NOTIFICATION_BACKOFF_MS = 10000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Variables whose values must never appear in a message or log, even when they are wrong. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'ADMIN_PASSWORD', 'PII_ENCRYPTION_KEY']);
/** Variables that may carry a password in their URL. */
const URL_VARIABLES = new Set(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);

/** What a configuration error may say about the value it refused. */
function describeValue(variable: string, value: unknown): string {
  if (SECRET_VARIABLES.has(variable)) {
    return typeof value === 'string' ? `got ${[...value].length} characters` : 'value hidden';
  }
  if (URL_VARIABLES.has(variable) && typeof value === 'string') {
    // Only the scheme: a malformed URL can hide its password anywhere.
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
    return scheme ? `got a ${JSON.stringify(`${scheme}…`)} URL` : 'value hidden';
  }
  return `got ${JSON.stringify(value)}`;
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined),
  );
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map(
          (m) => `${m} (${describeValue(e.property, e.value)})`,
        ),
      ),
    );
  }
  return config;
}
