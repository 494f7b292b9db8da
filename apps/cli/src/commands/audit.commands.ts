import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@craftcert/audit';

@Command({
  name: 'audit:verify',
  description: 'Recompute the audit trail hash chain and report the first broken record',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const verdict = await verifyAuditChain(this.dataSource);
    if (verdict.ok) {
      console.log(`Audit chain intact: ${verdict.count} records.`);
      return;
    }
    const { seq, id, reason } = verdict.brokenAt;
    console.error(`Audit chain broken at record seq=${seq} id=${id}: ${reason}`);
    process.exitCode = 1;
  }
}
