/**
 * Payments pasted from Excel: tab-separated rows 日期, 金额(元), 收款方, 收款方统一社会信用代码, 账户类型 (对公/个人),
 * 用途 (Chinese names or keys), 发票号, 附件数. Parsed leniently (2026/2/1, 2026年2月1日, "1,234.50", 12.5万, a header
 * row, Windows line ends, quoted cells); what cannot be understood is kept as a per-field error on the row.
 */
import { isValidUscc } from '../../shared/domain/uscc.js';
import { PURPOSE_NAMES_ZH } from '../../shared/postloan/engine.js';
import { PURPOSES, type Purpose } from '../../shared/postloan/rules.js';

export type PasteErrorCode = 'cols' | 'date' | 'amount' | 'payee' | 'account' | 'purpose' | 'attachments';
export type PaymentField = 'date' | 'amountYuan' | 'payeeName' | 'payeeUscc' | 'payeeAccount' | 'purpose' | 'invoiceNo' | 'attachments';

/** One row of the payments grid as edited (text where the user types, parsed values where they choose). */
export interface PaymentRow {
  key: string;
  id: string;
  date: string;
  amountYuan: string;
  payeeName: string;
  payeeUscc: string;
  payeeAccount: 'corporate' | 'personal' | '';
  purpose: Purpose | '';
  invoiceNo: string;
  attachments: number;
  /** Uploaded evidence of this payment (this session). */
  files: { id: number; fileName: string; mime: string }[];
  /** What the paste could not understand, by field: [code, the text]. */
  errors: Partial<Record<PaymentField | 'row', [PasteErrorCode, string]>>;
}

let seq = 0;
export function newRowKey(): string {
  seq += 1;
  return `r${Date.now().toString(36)}${seq}`;
}

export function emptyRow(id: string): PaymentRow {
  return { key: newRowKey(), id, date: '', amountYuan: '', payeeName: '', payeeUscc: '', payeeAccount: 'corporate', purpose: '', invoiceNo: '', attachments: 0, files: [], errors: {} };
}

/** The next free payment reference P1, P2, … */
export function nextPaymentId(rows: readonly { id: string }[], plus = 0): string {
  const used = new Set(rows.map((r) => r.id));
  let n = rows.length + 1 + plus;
  while (used.has(`P${n}`)) n += 1;
  return `P${n}`;
}

const pad = (n: string) => n.padStart(2, '0');

/** YYYY-MM-DD from the ways Excel shows a date, or null. */
export function parseDate(s: string): string | null {
  const t = s.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Yuan from "1,234.50", "¥1234.5", "1234.5元", "12.5万", or null. */
export function parseAmount(s: string): number | null {
  let t = s.trim().replace(/[,，\s¥￥]/g, '');
  let factor = 1;
  if (t.endsWith('万元') || t.endsWith('万')) {
    factor = 10_000;
    t = t.replace(/万元?$/, '');
  } else t = t.replace(/元$/, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Math.round(Number(t) * factor * 100) / 100;
  return Number.isFinite(v) && v >= 0 ? v : null;
}

export function parseAccount(s: string): 'corporate' | 'personal' | null {
  const t = s.trim().toLowerCase();
  if (t === '' || ['对公', '公户', '对公账户', '单位', 'corporate'].includes(t)) return 'corporate';
  if (['个人', '私户', '个人账户', '对私', 'personal'].includes(t)) return 'personal';
  return null;
}

const PURPOSE_BY_TEXT = new Map<string, Purpose>([
  ...PURPOSES.map((p) => [p, p] as const),
  ...PURPOSES.map((p) => [PURPOSE_NAMES_ZH[p], p] as const),
  ['证券', 'securities'], ['股票', 'securities'], ['理财', 'wealth_management'], ['分红', 'dividends'], ['工资', 'wages'],
  ['设备', 'equipment'], ['工程', 'construction'], ['原材料', 'raw_materials'], ['研发', 'technology'], ['还款', 'repay_debt'],
]);

export function parsePurpose(s: string): Purpose | null {
  const t = s.trim();
  return PURPOSE_BY_TEXT.get(t) ?? PURPOSE_BY_TEXT.get(t.toLowerCase()) ?? null;
}

/** Splits TSV text into rows of cells (Excel quotes cells that hold tabs, quotes or line breaks). */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Rows for the grid from pasted text; ids continue after `existing`. */
export function parsePaste(text: string, existing: readonly { id: string }[]): PaymentRow[] {
  let lines = splitTsv(text);
  if (lines[0] && /日期|date/i.test(lines[0][0] ?? '') && parseDate(lines[0][0] ?? '') === null) lines = lines.slice(1);
  const out: PaymentRow[] = [];
  for (const cells of lines) {
    const row = emptyRow(nextPaymentId([...existing, ...out]));
    const [date = '', amount = '', payee = '', uscc = '', account = '', purpose = '', invoice = '', attachments = ''] = cells.map((c) => c.trim());
    if (cells.length < 3) row.errors.row = ['cols', ''];
    const d = parseDate(date);
    if (d) row.date = d;
    else {
      row.date = date;
      row.errors.date = ['date', date];
    }
    const a = parseAmount(amount);
    if (a !== null) row.amountYuan = String(a);
    else {
      row.amountYuan = amount;
      row.errors.amountYuan = ['amount', amount];
    }
    row.payeeName = payee;
    if (!payee) row.errors.payeeName = ['payee', ''];
    row.payeeUscc = uscc.toUpperCase();
    const acc = parseAccount(account);
    if (acc) row.payeeAccount = acc;
    else row.errors.payeeAccount = ['account', account];
    if (purpose) {
      const p = parsePurpose(purpose);
      if (p) row.purpose = p;
      else row.errors.purpose = ['purpose', purpose];
    } else row.errors.purpose = ['purpose', ''];
    row.invoiceNo = invoice;
    if (attachments) {
      const n = Number(attachments);
      if (Number.isInteger(n) && n >= 0) row.attachments = n;
      else row.errors.attachments = ['attachments', attachments];
    }
    out.push(row);
  }
  return out;
}

/** The payment as the check input wants it, or null while the row is incomplete or wrong. */
export function rowToPayment(r: PaymentRow) {
  const amount = parseAmount(r.amountYuan);
  if (!r.id.trim() || !parseDate(r.date) || amount === null || !r.payeeName.trim() || !r.payeeAccount || !r.purpose) return null;
  return {
    id: r.id.trim(),
    date: parseDate(r.date)!,
    amountYuan: amount,
    payeeName: r.payeeName.trim(),
    ...(isValidUscc(r.payeeUscc.trim()) ? { payeeUscc: r.payeeUscc.trim() } : {}),
    payeeAccount: r.payeeAccount,
    purpose: r.purpose,
    ...(r.invoiceNo.trim() ? { invoiceNo: r.invoiceNo.trim() } : {}),
    attachments: r.attachments,
  };
}
