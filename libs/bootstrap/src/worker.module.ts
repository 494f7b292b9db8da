import { Module } from '@nestjs/common';
import { AuditJobsModule } from '@craftcert/audit';
import { JobWiringCheck, SystemJobsModule } from '@craftcert/platform';
import { WorkflowJobsModule } from '@craftcert/workflow';

/** Job processors and schedulers: loaded when ROLE is `worker` or `all`. */
@Module({
  imports: [SystemJobsModule, AuditJobsModule, WorkflowJobsModule],
  providers: [JobWiringCheck],
})
export class WorkerModule {}
