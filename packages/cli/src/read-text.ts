import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

/**
 * Reads a file as UTF-8 text. Bytes that are not UTF-8 (a UTF-16 file, a Latin-1 "é") are refused with the
 * reason and position, rather than linted as replacement characters: the AWS CLI, CloudFormation and Step
 * Functions read UTF-8, so such a file fails there too, and linting mojibake would report nonsense.
 * The error has no `code`, so the CLI prints its message as the reason it cannot read the file.
 */
export function readTextFile(path: string): string {
  return decodeUtf8(readFileSync(path));
}

export class EncodingError extends Error {}

const BYTE_ORDER_MARKS: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 (big-endian)'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 (little-endian)'],
  [[0xfe, 0xff], 'UTF-16 (big-endian)'],
  [[0xff, 0xfe], 'UTF-16 (little-endian)'],
];

const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

export function decodeUtf8(bytes: Uint8Array): string {
  for (const [mark, name] of BYTE_ORDER_MARKS) {
    if (mark.every((byte, i) => bytes[i] === byte)) throw new EncodingError(`${name} text (byte order mark ${mark.map(hex).join(' ')}); save it as UTF-8`);
  }
  // Without a byte order mark, ASCII text in UTF-16 alternates NUL bytes with characters (RFC 4627, section 3).
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) throw new EncodingError('UTF-16 (big-endian) text; save it as UTF-8');
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) throw new EncodingError('UTF-16 (little-endian) text; save it as UTF-8');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const invalid = firstInvalidByte(bytes) ?? 0;
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, invalid).toString('utf8');
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  throw new EncodingError(`not UTF-8 text (byte ${hex(bytes[invalid])} at line ${line}, column ${before.length - lineStart + 1} starts no valid character); save it as UTF-8`);
}

/** The offset of the first sequence that is not well-formed UTF-8 (Unicode table 3-7); only called on text that has one. */
function firstInvalidByte(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return i;
    }
    i += length;
  }
  return undefined;
}
