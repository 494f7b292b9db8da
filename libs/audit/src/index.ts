export * from './audit.module';
export * from './domain/audit-chain';
export * from './persistence/audit-log.service';
export * from './persistence/audit-record.entity';
export * from './use-cases/verify-audit-chain';
