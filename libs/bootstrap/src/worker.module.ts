import { Module } from '@nestjs/common';
import { AuditJobsModule } from '@craftcert/audit';
import { JobWiringCheck, SystemJobsModule } from '@craftcert/platform';
import { NotificationsJobsModule } from '@craftcert/notifications';
import { WorkflowJobsModule } from '@craftcert/workflow';

/** Job processors and schedulers: loaded when ROLE is `worker` or `all`. */
@Module({
  imports: [SystemJobsModule, AuditJobsModule, WorkflowJobsModule, NotificationsJobsModule],
  providers: [JobWiringCheck],
})
export class WorkerModule {}
