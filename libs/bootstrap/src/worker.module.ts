import { Module } from '@nestjs/common';
import { AuditJobsModule } from '@craftcert/audit';
import { JobWiringCheck, SystemJobsModule } from '@craftcert/platform';

/** Job processors and schedulers: loaded when ROLE is `worker` or `all`. */
@Module({
  imports: [SystemJobsModule, AuditJobsModule],
  providers: [JobWiringCheck],
})
export class WorkerModule {}
