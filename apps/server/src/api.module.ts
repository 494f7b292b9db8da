import { Module } from '@nestjs/common';
import { HealthModule } from '@craftcert/platform';

/** HTTP controllers: loaded when ROLE is `api` or `all`. */
@Module({
  imports: [HealthModule],
})
export class ApiModule {}
