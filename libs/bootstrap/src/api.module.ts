import { DynamicModule, Module } from '@nestjs/common';
import { AuditHttpModule } from '@craftcert/audit';
import { CalendarHttpModule } from '@craftcert/calendar';
import { IdentityModule } from '@craftcert/identity';
import { HealthModule, HttpSecurityModule, Runtime } from '@craftcert/platform';
import { NominationsModule } from '@craftcert/nominations';
import { NotificationsHttpModule } from '@craftcert/notifications';
import { ProgrammesModule } from '@craftcert/programmes';
import { WorkflowHttpModule } from '@craftcert/workflow';

/** HTTP controllers and the guards in front of them: loaded when ROLE is `api` or `all`. */
@Module({})
export class ApiModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        HttpSecurityModule.forRoot(runtime),
        IdentityModule,
        HealthModule,
        ProgrammesModule,
        NominationsModule,
        AuditHttpModule,
        CalendarHttpModule,
        WorkflowHttpModule,
        NotificationsHttpModule,
      ],
    };
  }
}
