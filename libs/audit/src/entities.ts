// The audit trail's table, for the migrations catalogue only.
import { AuditRecordEntity } from './persistence/audit-record.entity';

export const AUDIT_ENTITIES = [AuditRecordEntity];
