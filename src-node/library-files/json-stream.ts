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

/** Collects the text of one JSON value, character by character, and says when it is complete. */
class ValueText {
  text = '';
  private depth = 0;
  private inString = false;
  private escape = false;

  constructor(private readonly maxDepth: number, private readonly baseDepth: number) {}

  get started(): boolean {
    return this.text.length > 0;
  }

  /**
   * Feeds a character. Returns 'more' while the value goes on, 'done' when this character completed it, and
   * 'ended' when the value (a bare number, true, false or null) had already ended and this character is not part
   * of it — the caller must then handle the character itself.
   */
  feed(c: string): 'more' | 'done' | 'ended' {
    const first = this.text[0];
    if (first !== undefined && first !== '{' && first !== '[' && first !== '"') {
      if (isWs(c) || c === ',' || c === '}' || c === ']') return 'ended';
      this.text += c;
      return 'more';
    }
    this.text += c;
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (c === '\\') this.escape = true;
      else if (c === '"') {
        this.inString = false;
        if (this.depth === 0) return 'done';
      }
      return 'more';
    }
    if (c === '"') this.inString = true;
    else if (c === '{' || c === '[') {
      if (++this.depth + this.baseDepth > this.maxDepth) throw new AppError('JSON_TOO_DEEP', { params: { max: this.maxDepth } });
    } else if (c === '}' || c === ']') {
      if (--this.depth === 0) return 'done';
    }
    return 'more';
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
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (!any && !isWs(c)) any = true;
        // A value in progress takes the character first; a bare scalar may end here and hand it back.
        if (value) {
          const r = value.feed(c);
          if (r === 'more') continue;
          if (state === 'value') fields[keyName] = value.parse(keyName);
          else yield value.parse('projects');
          value = null;
          state = state === 'value' ? 'afterValue' : 'afterItem';
          if (r === 'done') continue;
        }
        if (key) {
          if (key.feed(c) === 'done') {
            keyName = key.parse('key') as string;
            key = null;
            state = 'colon';
          }
          continue;
        }
        if (isWs(c)) continue;
        switch (state) {
          case 'start':
            if (c === '{') state = 'key';
            else if (c === '[') throw new AppError('BAD_FORMAT', { path: 'format', params: { found: 'array' } });
            else throw notJson(`unexpected "${c}" at the start`);
            break;
          case 'key':
            if (c === '}' && Object.keys(fields).length === 0 && !sawProjects) state = 'end';
            else if (c === '"') (key = new ValueText(maxDepth, 1)).feed(c);
            else throw notJson(`expected a field name, found "${c}"`);
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
            } else {
              value = new ValueText(maxDepth, 1);
              if (value.feed(c) === 'done') {
                fields[keyName] = value.parse(keyName);
                value = null;
                state = 'afterValue';
              }
            }
            break;
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
            if (value.feed(c) === 'done') {
              yield value.parse('projects');
              value = null;
              state = 'afterItem';
            }
            break;
          case 'afterItem':
            if (c === ',') state = 'arrayItem';
            else if (c === ']') state = 'afterValue';
            else throw notJson(`expected "," or "]" between projects, found "${c}"`);
            break;
          case 'end':
            throw notJson('text after the end of the document');
        }
      }
    }
    if (!any) throw new AppError('FILE_EMPTY');
    if (state !== 'end') throw new AppError('FILE_TRUNCATED', { params: { detail: 'end of file inside the document' } });
  }
  return { fields, elements: elements(), sawProjects: () => sawProjectsArray };
}
