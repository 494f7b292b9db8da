import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createPublicKey, KeyObject } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import {
  AuditCheckpointStore,
  CheckpointAuditChainUseCase,
  checkpointKeyId,
  readCheckpointLog,
  verifyAuditChain,
} from '@craftcert/audit';

interface VerifyOptions {
  checkpoints?: string;
  publicKey?: string;
  graceSeconds?: number;
}

@Command({
  name: 'audit:verify',
  description:
    'Check the audit trail hash chain against itself and every signed checkpoint; report the first record that disagrees',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AuditCheckpointStore,
  ) {
    super();
  }

  async run(_: string[], options: VerifyOptions): Promise<void> {
    // An exported log and public key (offline), or the configured ones.
    const logFile = options.checkpoints ?? this.store.paths.logFile;
    const publicKey = options.publicKey
      ? createPublicKey(readFileSync(resolve(options.publicKey)))
      : this.store.publicKey();
    const logText = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    if (options.checkpoints && !existsSync(logFile)) throw new Error(`${logFile}: no such file`);
    if (!publicKey && logText.trim() !== '') {
      throw new Error(
        `cannot check the checkpoints in ${logFile}: no signing key at ${this.store.paths.keyFile}; pass --public-key`,
      );
    }
    const { checkpoints, problems } = publicKey
      ? readCheckpointLog(logText, publicKey)
      : { checkpoints: [], problems: [] };
    for (const p of problems)
      console.error(`Checkpoint log ${logFile} line ${p.line}: ${p.reason}`);

    const verdict = await verifyAuditChain(this.dataSource, {
      checkpoints,
      graceMs: options.graceSeconds === undefined ? undefined : options.graceSeconds * 1000,
    });
    const pending = verdict.unlinked.count
      ? `; ${verdict.unlinked.count} recent records not linked yet (oldest ${verdict.unlinked.oldestAt})`
      : '';
    const against = checkpoints.length
      ? `, ${verdict.checkpoints.matched} of ${checkpoints.length} checkpoints matched`
      : publicKey
        ? ', no checkpoints yet'
        : ', no checkpoint key (nothing to compare with)';
    if (verdict.ok && problems.length === 0) {
      console.log(`Audit chain intact: ${verdict.count} records${against}${pending}.`);
      return;
    }
    if (verdict.brokenAt) {
      const { position, seq, id, reason } = verdict.brokenAt;
      const name = [
        position && `position=${position}`,
        seq && `seq=${seq}`,
        id && `id=${id}`,
      ].filter(Boolean);
      console.error(`Audit chain broken at record ${name.join(' ')}: ${reason}`);
    }
    process.exitCode = 1;
  }

  @Option({
    flags: '--checkpoints <file>',
    description: 'An exported checkpoint log (default: the configured AUDIT_CHECKPOINT_LOG)',
  })
  parseCheckpoints(value: string): string {
    return resolve(value);
  }

  @Option({
    flags: '--public-key <file>',
    description: 'The public key (PEM) that signed it (default: from AUDIT_CHECKPOINT_KEY_FILE)',
  })
  parsePublicKey(value: string): string {
    return value;
  }

  @Option({
    flags: '--grace-seconds <n>',
    description: 'How long a record may stay unlinked before it counts as a problem (default 60)',
  })
  parseGrace(value: string): number {
    if (!/^\d{1,6}$/.test(value))
      throw new Error('--grace-seconds must be a whole number of seconds');
    return Number(value);
  }
}

@Command({
  name: 'audit:checkpoint',
  description:
    'Link pending audit records, then sign the chain head and append it to the checkpoint log',
})
export class AuditCheckpointCommand extends CommandRunner {
  constructor(
    private readonly checkpoints: CheckpointAuditChainUseCase,
    private readonly store: AuditCheckpointStore,
  ) {
    super();
  }

  async run(): Promise<void> {
    const { checkpoint, created } = await this.checkpoints.execute();
    if (!checkpoint) {
      console.log('The audit trail is empty: nothing to checkpoint.');
      return;
    }
    const verb = created ? 'Signed' : 'Unchanged since';
    console.log(
      `${verb} checkpoint at position ${checkpoint.position} (seq=${checkpoint.seq} id=${checkpoint.id}) ` +
        `hash ${checkpoint.hash}, key ${checkpoint.key}, ${checkpoint.at}; log: ${this.store.paths.logFile}`,
    );
  }
}

@Command({
  name: 'audit:checkpoints:export',
  arguments: '<directory>',
  description:
    'Copy the checkpoint log and write the public key into a directory, for verifying elsewhere (audit:verify --checkpoints --public-key)',
})
export class AuditCheckpointsExportCommand extends CommandRunner {
  constructor(private readonly store: AuditCheckpointStore) {
    super();
  }

  async run([directory]: string[]): Promise<void> {
    const publicKey: KeyObject | undefined = this.store.publicKey();
    if (!publicKey)
      throw new Error(`no checkpoint key at ${this.store.paths.keyFile}: nothing signed yet`);
    const target = resolve(directory);
    mkdirSync(target, { recursive: true });
    const log = join(target, 'audit-checkpoints.jsonl');
    const key = join(target, 'audit-checkpoint.pub.pem');
    if (existsSync(this.store.paths.logFile)) copyFileSync(this.store.paths.logFile, log);
    else writeFileSync(log, '');
    writeFileSync(key, publicKey.export({ type: 'spki', format: 'pem' }));
    console.log(`Wrote ${log} and ${key} (key ${checkpointKeyId(publicKey)}).`);
  }
}
