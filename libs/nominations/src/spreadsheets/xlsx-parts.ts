// An .xlsx file is a zip. Excel stores the worksheets before the shared strings, which makes a
// streaming reader spool each whole sheet to disk before it can read a row; a crafted zip can also
// claim any sizes it likes. So the parts a reader needs are taken from the zip's central
// directory (each still compressed), their declared sizes checked against a limit, and re-packed
// in an order that can be read row by row: relationships, workbook, styles, shared strings, sheets.
import { Buffer } from 'node:buffer';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;
const ZIP64_MARK = 0xffffffff;

/** The parts a reader needs, in the order it should meet them; sheets last. */
const PART_ORDER: readonly RegExp[] = [
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
];

interface Part {
  name: Buffer;
  order: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

export type RepackedXlsx =
  | { ok: true; bytes: Buffer; unzippedBytes: number }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'unzipped'; unzippedBytes: number };

function endOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

function readParts(bytes: Buffer): Part[] | undefined {
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    const order = PART_ORDER.findIndex((p) => p.test(name.toString('utf8')));
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const local = bytes.readUInt32LE(at + 42);
    if (order >= 0) {
      if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK) return;
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return undefined;
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      if (start + compressedSize > bytes.length) return undefined;
      const method = bytes.readUInt16LE(at + 10);
      if (method !== STORED && method !== DEFLATED) return undefined;
      parts.push({
        name,
        order,
        flags: bytes.readUInt16LE(at + 8) & UTF8_NAMES,
        method,
        crc: bytes.readUInt32LE(at + 16),
        compressedSize,
        size,
        data: bytes.subarray(start, start + compressedSize),
      });
    }
    at = next;
  }
  return parts;
}

function localHeader(part: Part): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(part.flags, 6);
  header.writeUInt16LE(part.method, 8);
  header.writeUInt32LE(part.crc, 14);
  header.writeUInt32LE(part.compressedSize, 18);
  header.writeUInt32LE(part.size, 22);
  header.writeUInt16LE(part.name.length, 26);
  return header;
}

function centralHeader(part: Part, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(part.flags, 8);
  header.writeUInt16LE(part.method, 10);
  header.writeUInt32LE(part.crc, 16);
  header.writeUInt32LE(part.compressedSize, 20);
  header.writeUInt32LE(part.size, 24);
  header.writeUInt16LE(part.name.length, 28);
  header.writeUInt32LE(offset, 42);
  return header;
}

/**
 * The workbook parts of `bytes`, re-packed for streaming (still compressed, so this costs no
 * more memory than the upload), or why not: not a zip a spreadsheet could be, or parts that
 * claim to unpack to more than `maxUnzippedBytes`.
 */
export function repackForStreaming(bytes: Buffer, maxUnzippedBytes: number): RepackedXlsx {
  const parts = bytes.length >= 22 ? readParts(bytes) : undefined;
  if (!parts || !parts.some((p) => p.order === PART_ORDER.length - 1)) {
    return { ok: false, problem: 'unreadable' };
  }
  const unzippedBytes = parts.reduce((sum, p) => sum + p.size, 0);
  if (unzippedBytes > maxUnzippedBytes) return { ok: false, problem: 'unzipped', unzippedBytes };
  parts.sort((a, b) => a.order - b.order);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    central.push(centralHeader(part, offset), part.name);
    const header = localHeader(part);
    chunks.push(header, part.name, part.data);
    offset += header.length + part.name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return { ok: true, bytes: Buffer.concat([...chunks, directory, end]), unzippedBytes };
}
