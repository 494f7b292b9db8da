import { Module } from '@nestjs/common';
import { JobWiringCheck, SystemJobsModule } from '@craftcert/platform';

/** Job processors and schedulers: loaded when ROLE is `worker` or `all`. */
@Module({
  imports: [SystemJobsModule],
  providers: [JobWiringCheck],
})
export class WorkerModule {}
