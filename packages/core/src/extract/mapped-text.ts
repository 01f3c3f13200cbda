import type { Range } from '../ast.js';

/**
 * A decoded string (the value of a JSON string literal, a YAML block scalar, `Fn::Join` pieces…)
 * with, for each of its characters, the host range it was decoded from. Ranges found by parsing
 * `text` map back to the host through `mapRange`.
 */
export interface MappedText {
  readonly text: string;
  /** Host offset where decoded character i starts. */
  readonly starts: readonly number[];
  /** Host offset where decoded character i ends (exclusive). */
  readonly ends: readonly number[];
  /** Host offset for positions at the end of `text`. */
  readonly endOffset: number;
  /** Spans of `text` that stand in for values the host computes (`${Ref X}`); sorted, disjoint. */
  readonly opaque: readonly Range[];
}

export function mapOffset(mapped: MappedText, offset: number): number {
  if (offset >= mapped.text.length) return mapped.endOffset;
  return mapped.starts[Math.max(0, offset)];
}

export function mapRange(mapped: MappedText, range: Range): Range {
  const start = mapOffset(mapped, range.start);
  if (range.end <= range.start) return { start, end: start };
  const last = Math.min(range.end, mapped.text.length) - 1;
  const end = last < range.start ? start : mapped.ends[last];
  return { start, end: Math.max(start, end) };
}

export class MappedTextBuilder {
  // Chunks joined once in build(): appending to one string per character is slow on large definitions.
  private readonly chunks: string[] = [];
  private size = 0;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly opaque: Range[] = [];
  private lastEnd: number;

  constructor(private readonly fallbackOffset: number) {
    this.lastEnd = fallbackOffset;
  }

  get length(): number {
    return this.size;
  }

  /** Characters decoded from the host range [start, end) (an escape sequence, a folded line break). */
  push(chars: string, start: number, end: number): void {
    this.chunks.push(chars);
    this.size += chars.length;
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.lastEnd = end;
  }

  /** Characters copied one to one from the host starting at `start`. */
  pushVerbatim(chars: string, start: number): void {
    if (!chars) return;
    this.chunks.push(chars);
    this.size += chars.length;
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start + i);
      this.ends.push(start + i + 1);
    }
    this.lastEnd = start + chars.length;
  }

  /** Characters [from, to) of another mapped text, with their host ranges. */
  appendRange(other: MappedText, from: number, to: number): void {
    if (to <= from) return;
    this.chunks.push(other.text.slice(from, to));
    this.size += to - from;
    for (let i = from; i < to; i++) {
      this.starts.push(other.starts[i]);
      this.ends.push(other.ends[i]);
    }
    this.lastEnd = other.ends[to - 1];
  }

  append(other: MappedText): void {
    const base = this.size;
    this.appendRange(other, 0, other.text.length);
    for (const span of other.opaque) this.opaque.push({ start: span.start + base, end: span.end + base });
  }

  /** A stand-in for a value the host computes, mapped to the whole host range of that value. */
  pushOpaque(chars: string, range: Range): void {
    const start = this.size;
    this.push(chars, range.start, range.end);
    this.opaque.push({ start, end: this.size });
  }

  build(endOffset: number = this.size ? this.lastEnd : this.fallbackOffset): MappedText {
    return { text: this.chunks.join(''), starts: this.starts, ends: this.ends, endOffset, opaque: this.opaque };
  }
}

/** Text that lies verbatim in the host from `start`. */
export function verbatim(text: string, start: number): MappedText {
  const builder = new MappedTextBuilder(start);
  builder.pushVerbatim(text, start);
  return builder.build(start + text.length);
}

/** Every character mapped to one host range: the fallback when a decoder cannot follow the host syntax. */
export function coarse(text: string, range: Range): MappedText {
  const builder = new MappedTextBuilder(range.start);
  builder.push(text, range.start, range.end);
  return builder.build(range.end);
}

export function isOpaqueAt(mapped: MappedText, offset: number): boolean {
  const spans = mapped.opaque;
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low].start <= offset;
}
