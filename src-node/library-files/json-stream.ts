/**
 * A streaming reader for `greendesk.library.v1` JSON: the file is decoded in 64 KiB chunks and scanned once; each
 * element of the top-level `projects` array is cut out and parsed on its own, so a 200 MB snapshot never sits in
 * memory as one string or one object tree. The other top-level fields (format, version, issuer, issuedAt) are
 * small and parsed whole. Structure is checked as it goes: nesting depth, keys, colons, commas, truncation.
 */
import { createReadStream } from 'node:fs';
import { AppError } from '../../shared/errors.js';

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const notJson = (detail: string) => new AppError('NOT_JSON', { params: { detail: detail.slice(0, 120) } });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const isWsCode = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

let scanned: string | null = null;
let searchedFrom = 0;
let backslashAt = -1;
/**
 * The first backslash at or after `i` in `text`. The answer is remembered for the chunk (its values are read one
 * after another, forwards): it stays right for every later index up to the backslash found.
 */
function nextBackslash(text: string, i: number): number {
  if (scanned !== text || i < searchedFrom || (backslashAt >= 0 && backslashAt < i)) {
    scanned = text;
    searchedFrom = i;
    backslashAt = text.indexOf('\\', i);
  }
  return backslashAt;
}

/**
 * The text of one JSON value, taken from the chunks as slices (never a character at a time): it tracks strings,
 * escapes and nesting to know where the value ends, and refuses nesting deeper than the limit.
 */
class ValueText {
  private readonly parts: string[] = [];
  private depth = 0;
  private inString = false;
  private escape = false;
  private scalar: boolean | null = null;

  constructor(private readonly maxDepth: number, private readonly baseDepth: number) {}

  get text(): string {
    return this.parts.join('');
  }

  /**
   * Takes the value's text from `text` at `i`. Returns the index just past the value's end, or -1 when it goes
   * on past the end of this chunk. A bare scalar (number, true, false, null) ends before the first character
   * that cannot belong to it: that character is not taken.
   */
  consume(text: string, i: number): number {
    const start = i;
    if (this.scalar === null) {
      const c = text.charCodeAt(i);
      this.scalar = c !== OPEN_OBJECT && c !== OPEN_ARRAY && c !== QUOTE;
    }
    if (this.scalar) {
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (isWsCode(c) || c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          this.parts.push(text.slice(start, i));
          return i;
        }
      }
      this.parts.push(text.slice(start));
      return -1;
    }
    for (; i < text.length; i++) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          continue;
        }
        // Skip to the next quote or backslash: most of a project's text is inside strings. Backslashes are rare,
        // so where the next one is is remembered per chunk (searching again each time would scan the chunk's rest).
        const q = text.indexOf('"', i);
        const b = nextBackslash(text, i);
        const next = q < 0 ? b : b < 0 ? q : Math.min(q, b);
        if (next < 0) break;
        i = next;
        if (text.charCodeAt(i) === BACKSLASH) this.escape = true;
        else {
          this.inString = false;
          if (this.depth === 0) {
            this.parts.push(text.slice(start, i + 1));
            return i + 1;
          }
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (++this.depth + this.baseDepth > this.maxDepth) throw new AppError('JSON_TOO_DEEP', { params: { max: this.maxDepth } });
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--this.depth === 0) {
          this.parts.push(text.slice(start, i + 1));
          return i + 1;
        }
      }
    }
    this.parts.push(text.slice(start));
    return -1;
  }

  parse(what: string): unknown {
    try {
      return JSON.parse(this.text);
    } catch (e) {
      throw notJson(`${what}: ${(e as Error).message}`);
    }
  }
}

async function* texts(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      let text = decoder.decode(chunk as Buffer, { stream: true });
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      yield text;
    }
    yield decoder.decode();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_ENCODING', { params: { encoding: 'UTF-8' } });
  }
}

export interface JsonSnapshotScan {
  /** The top-level fields other than `projects`; complete once `elements` is exhausted. */
  fields: Record<string, unknown>;
  /** Each element of `projects`, parsed. */
  elements: AsyncGenerator<unknown>;
  /** Whether a `projects` array was found (known once `elements` is exhausted). */
  sawProjects(): boolean;
}

/**
 * Scans a snapshot. `onProjects` runs when the `projects` array begins, with the fields read before it (a chance to
 * refuse a wrong format before reading any project).
 */
export function scanJsonSnapshot(path: string, maxDepth: number, onProjects: (fieldsSoFar: Record<string, unknown>) => void): JsonSnapshotScan {
  const fields: Record<string, unknown> = {};
  let sawProjectsArray = false;
  async function* elements(): AsyncGenerator<unknown> {
    type State = 'start' | 'key' | 'colon' | 'value' | 'afterValue' | 'arrayStart' | 'arrayItem' | 'afterItem' | 'end';
    let state: State = 'start';
    let key: ValueText | null = null;
    let keyName = '';
    let value: ValueText | null = null;
    let sawProjects = false;
    let any = false;
    for await (const text of texts(path)) {
      let i = 0;
      while (i < text.length) {
        // A value or a key in progress takes the text first; a bare scalar may end before a character it hands back.
        if (value) {
          const end = value.consume(text, i);
          if (end < 0) break;
          if (state === 'value') fields[keyName] = value.parse(keyName);
          else yield value.parse('projects');
          value = null;
          state = state === 'value' ? 'afterValue' : 'afterItem';
          i = end;
          continue;
        }
        if (key) {
          const end = key.consume(text, i);
          if (end < 0) break;
          keyName = key.parse('key') as string;
          key = null;
          state = 'colon';
          i = end;
          continue;
        }
        const c = text[i]!;
        if (isWs(c)) {
          i++;
          continue;
        }
        any = true;
        switch (state) {
          case 'start':
            if (c === '{') state = 'key';
            else if (c === '[') throw new AppError('BAD_FORMAT', { path: 'format', params: { found: 'array' } });
            else throw notJson(`unexpected "${c}" at the start`);
            break;
          case 'key':
            if (c === '}' && Object.keys(fields).length === 0 && !sawProjects) state = 'end';
            else if (c === '"') {
              key = new ValueText(maxDepth, 1);
              continue;
            } else throw notJson(`expected a field name, found "${c}"`);
            break;
          case 'colon':
            if (c !== ':') throw notJson(`expected ":" after "${keyName.slice(0, 40)}"`);
            state = 'value';
            break;
          case 'value':
            if (keyName === 'projects' && c === '[') {
              if (sawProjects) throw notJson('"projects" appears twice');
              sawProjects = true;
              sawProjectsArray = true;
              onProjects({ ...fields });
              state = 'arrayStart';
              break;
            }
            value = new ValueText(maxDepth, 1);
            continue;
          case 'afterValue':
            if (c === ',') state = 'key';
            else if (c === '}') state = 'end';
            else throw notJson(`unexpected "${c}" after "${keyName.slice(0, 40)}"`);
            break;
          case 'arrayStart':
          case 'arrayItem':
            if (c === ']' && state === 'arrayStart') {
              state = 'afterValue';
              break;
            }
            if (c === ',' || c === ']') throw notJson(`unexpected "${c}" in projects`);
            value = new ValueText(maxDepth, 2);
            continue;
          case 'afterItem':
            if (c === ',') state = 'arrayItem';
            else if (c === ']') state = 'afterValue';
            else throw notJson(`expected "," or "]" between projects, found "${c}"`);
            break;
          case 'end':
            throw notJson('text after the end of the document');
        }
        i++;
      }
    }
    // A bare scalar at the very end of the file (the document is then incomplete, but the value itself is whole).
    if (value && state === 'value') {
      fields[keyName] = value.parse(keyName);
      value = null;
      state = 'afterValue';
    }
    if (!any) throw new AppError('FILE_EMPTY');
    if (state !== 'end') throw new AppError('FILE_TRUNCATED', { params: { detail: 'end of file inside the document' } });
  }
  return { fields, elements: elements(), sawProjects: () => sawProjectsArray };
}
