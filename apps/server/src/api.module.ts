import { Module } from '@nestjs/common';
import { HealthModule } from '@craftcert/platform';
import { ProgrammesModule } from '@craftcert/programmes';

/** HTTP controllers: loaded when ROLE is `api` or `all`. */
@Module({
  imports: [HealthModule, ProgrammesModule],
})
export class ApiModule {}
