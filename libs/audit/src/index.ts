export * from './audit.module';
export * from './domain/audit-chain';
export * from './persistence/audit-log.service';
export * from './use-cases/verify-audit-chain';
