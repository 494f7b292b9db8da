import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { compileDefinition, CompiledDefinition } from '@craftcert/pipeline';
import { NotFoundError } from '@craftcert/platform';
import { DefinitionImmutableError } from '../domain/programme.errors';
import { PipelineDefinitionEntity } from './pipeline-definition.entity';
import { ProgrammeEntity } from './programme.entity';

/**
 * Loads programmes and definition versions. Published versions (and their compiled form) are
 * cached in the process: they are immutable, and compiling is the expensive part of evaluation.
 */
@Injectable()
export class DefinitionsRepository {
  private readonly compiled = new Map<string, CompiledDefinition>();
  private readonly published = new Map<string, PipelineDefinitionEntity>();
  private readonly publishedById = new Map<string, PipelineDefinitionEntity>();

  constructor(
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(PipelineDefinitionEntity)
    private readonly definitions: Repository<PipelineDefinitionEntity>,
  ) {}

  async programme(id: string): Promise<ProgrammeEntity> {
    const programme = await this.programmes.findOneBy({ id });
    if (!programme) throw new NotFoundError(`Programme ${id}`);
    return programme;
  }

  /** Published versions never change, so after the first read they are served from memory. */
  async version(programmeId: string, version: number): Promise<PipelineDefinitionEntity> {
    const key = `${programmeId}/${version}`;
    const cached = this.published.get(key);
    if (cached) return cached;
    const found = await this.definitions.findOneBy({ programmeId, version });
    if (found?.status === 'published') this.published.set(key, found);
    if (!found) {
      await this.programme(programmeId);
      throw new NotFoundError(`Version ${version} of programme ${programmeId}`);
    }
    return found;
  }

  /** A definition by id; published ones come from memory after the first read. */
  async byId(
    id: string,
    manager: EntityManager = this.definitions.manager,
  ): Promise<PipelineDefinitionEntity> {
    const cached = this.publishedById.get(id);
    if (cached) return cached;
    const found = await manager.findOneBy(PipelineDefinitionEntity, { id });
    if (!found) throw new NotFoundError(`Definition ${id}`);
    if (found.status === 'published') this.publishedById.set(id, found);
    return found;
  }

  /** The number the programme's next version takes (1 for its first). */
  async nextVersion(tx: EntityManager, programmeId: string): Promise<number> {
    const { max } = (await tx
      .createQueryBuilder(PipelineDefinitionEntity, 'd')
      .select('COALESCE(MAX(d.version), 0)', 'max')
      .where('d.programme_id = :programmeId', { programmeId })
      .getRawOne<{ max: number }>())!;
    return Number(max) + 1;
  }

  /** A draft version, locked for change; a published one refuses, for it is immutable. */
  async lockDraft(
    tx: EntityManager,
    programmeId: string,
    version: number,
  ): Promise<PipelineDefinitionEntity> {
    const definition = await tx.findOne(PipelineDefinitionEntity, {
      where: { programmeId, version },
      lock: { mode: 'pessimistic_write' },
    });
    if (!definition) throw new NotFoundError(`Version ${version} of programme ${programmeId}`);
    if (definition.status === 'published') throw new DefinitionImmutableError(version);
    return definition;
  }

  compile(definition: PipelineDefinitionEntity): CompiledDefinition {
    if (definition.status !== 'published') return compileDefinition(definition.document);
    let compiled = this.compiled.get(definition.id);
    if (!compiled) {
      compiled = compileDefinition(definition.document);
      this.compiled.set(definition.id, compiled);
    }
    return compiled;
  }
}
