import { Module } from '@nestjs/common';
import { SystemPingProcessor } from './ping.processor';

@Module({ providers: [SystemPingProcessor] })
export class SystemJobsModule {}
