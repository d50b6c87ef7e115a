/**
 * RFC 4180 CSV parsing, incremental: feed decoded text chunks, get complete records. Quoted fields may hold
 * commas, quotes ("") and line breaks; CRLF and LF both end a record.
 */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  private quoteSeen = false; // a quote inside a quoted field, waiting to see if it is "" or the closing one
  private atFieldStart = true;
  /** 1-based line on which the current record started (for error messages). */
  private line = 1;
  private recordLine = 1;

  /** Parses a chunk and returns the records it completed, each with the line it started on. */
  push(chunk: string): { line: number; fields: string[] }[] {
    const out: { line: number; fields: string[] }[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; fall through to handle c normally
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (c === '\n') this.line++;
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
      } else if (c === ',') {
        this.record.push(this.field);
        this.field = '';
        this.atFieldStart = true;
      } else if (c === '\n') {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else if (c === '\r') {
        // CR before LF is dropped; a lone CR inside an unquoted field is kept out as well
      } else {
        this.field += c;
        this.atFieldStart = false;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if the file did not end with a line break. */
  end(): { line: number; fields: string[] }[] {
    const out: { line: number; fields: string[] }[] = [];
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) throw new CsvUnterminatedQuote(this.recordLine);
    if (this.field !== '' || this.record.length > 0) this.endRecord(out);
    return out;
  }

  private endRecord(out: { line: number; fields: string[] }[]): void {
    this.record.push(this.field);
    const fields = this.record;
    this.record = [];
    this.field = '';
    this.atFieldStart = true;
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: this.recordLine, fields });
  }
}

export class CsvUnterminatedQuote extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field starting on line ${line}`);
  }
}

export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}
