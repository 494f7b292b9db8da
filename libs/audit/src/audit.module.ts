import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_ENTITIES } from './entities';
import { AuditController } from './http/audit.controller';
import { AuditLog } from './persistence/audit-log.service';
import { AuditQueries } from './persistence/audit.queries';

/**
 * The audit trail's write side, global so every context (and every role: API, worker, CLI)
 * can record inside its own transactions without importing this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}

/** `GET /api/audit`: loaded only by processes that serve HTTP. */
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  controllers: [AuditController],
  providers: [AuditQueries],
})
export class AuditHttpModule {}
