import { DomainError, FieldError } from '@craftcert/platform';

export class DefinitionInvalidError extends DomainError {
  /** Paths are JSON pointers into the definition document, e.g. `/eligibility/rules/2/min`. */
  constructor(errors: FieldError[]) {
    super(
      'DEFINITION_INVALID',
      `The definition has ${errors.length} error(s); see errors.`,
      errors,
    );
  }
}

export class DefinitionImmutableError extends DomainError {
  constructor(version: number) {
    super(
      'DEFINITION_IMMUTABLE',
      `Version ${version} is published and cannot change; propose a new version instead.`,
    );
  }
}

export class DefinitionNotPublishedError extends DomainError {
  constructor(version: number) {
    super('DEFINITION_NOT_PUBLISHED', `Version ${version} is a draft; publish it first.`);
  }
}

export class EditionAlreadyPinnedError extends DomainError {
  constructor(version: number) {
    super('CONFLICT', `The edition already runs under version ${version}`);
  }
}
