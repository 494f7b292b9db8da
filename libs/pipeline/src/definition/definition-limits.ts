// Limits on a definition document checked while it is read, before anything expands or recurses
// over it: its length, how deeply it nests, and how many YAML aliases it uses. A refusal names
// the limit (`depth: at most 64 levels…`), so an author knows what to change.
import { Parser } from 'yaml';
import type { DefinitionValidation } from './definition.types';

export interface DefinitionLimits {
  /** Characters of YAML or JSON text. */
  maxChars: number;
  /** Nesting of mappings and sequences (the document itself is level 1). */
  maxDepth: number;
  /** YAML aliases (`*name`); each also expands to no more than this many nodes. */
  maxAliases: number;
}

export const DEFAULT_DEFINITION_LIMITS: DefinitionLimits = {
  maxChars: 500_000,
  maxDepth: 64,
  maxAliases: 100,
};

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

interface CstNode {
  type?: string;
  offset?: number;
  value?: CstNode;
  key?: CstNode | null;
  items?: { key?: CstNode | null; value?: CstNode }[];
}

type Refusal = Extract<DefinitionValidation, { ok: false }>;

export function depthError(maxDepth: number, where = ''): Refusal {
  const message = `depth: at most ${maxDepth} levels of nesting${where}`;
  return { ok: false, limit: 'depth', errors: [{ path: '', message }] };
}

export function aliasError(message: string): Refusal {
  return { ok: false, limit: 'aliases', errors: [{ path: '', message: `aliases: ${message}` }] };
}

export function lengthError(maxChars: number, length: number): Refusal {
  const message = `characters: at most ${maxChars} characters (this text has ${length})`;
  return { ok: false, limit: 'characters', errors: [{ path: '', message }] };
}

/** Where a character offset lies, as `line:column` of the text. */
function lineOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Checks YAML text from its concrete syntax tree, which the parser builds without recursion: no
 * collection deeper than maxDepth, no more than maxAliases aliases. Undefined when within limits.
 */
export function checkYamlLimits(text: string, limits: DefinitionLimits): Refusal | undefined {
  let aliases = 0;
  for (const document of new Parser().parse(text)) {
    const stack: [CstNode, number][] = [[document as CstNode, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (node.type === 'alias' && ++aliases > limits.maxAliases) {
        const where = lineOf(text, node.offset ?? 0);
        return aliasError(
          `at most ${limits.maxAliases} aliases (*name) in one definition (one more at ${where})`,
        );
      }
      const level = COLLECTIONS.has(node.type ?? '') ? depth + 1 : depth;
      if (level > limits.maxDepth) {
        return depthError(limits.maxDepth, ` (deeper at ${lineOf(text, node.offset ?? 0)})`);
      }
      if (node.value) stack.push([node.value, level]);
      for (const item of node.items ?? []) {
        if (item.key) stack.push([item.key, level]);
        if (item.value) stack.push([item.value, level]);
      }
    }
  }
  return undefined;
}

/** How deeply a parsed value nests, counted without recursion; stops once past `max`. */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
