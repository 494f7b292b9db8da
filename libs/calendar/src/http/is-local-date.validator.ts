import { ValidateBy, ValidationOptions } from 'class-validator';
import { isLocalDate } from '../domain/local-date';

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused), for any context's DTOs. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value) => isLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a real date as YYYY-MM-DD`,
      },
    },
    options,
  );
}
