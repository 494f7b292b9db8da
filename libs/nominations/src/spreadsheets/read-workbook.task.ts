// Runs on a parse thread (see ParsePool): imports nothing but the parser, which is pure.
import type { PipelineDefinition } from '@craftcert/pipeline';
import {
  parseNominationsWorkbook,
  type ParsedWorkbook,
  type ParseOptions,
} from './parse-nominations-workbook';

export interface ReadWorkbookInput {
  definition: PipelineDefinition;
  /** A Buffer sent to a thread arrives as a plain Uint8Array. */
  bytes: Uint8Array;
  options: ParseOptions;
}

export function readWorkbook(input: ReadWorkbookInput): Promise<ParsedWorkbook> {
  const { buffer, byteOffset, byteLength } = input.bytes;
  return parseNominationsWorkbook(
    input.definition,
    Buffer.from(buffer, byteOffset, byteLength),
    input.options,
  );
}
