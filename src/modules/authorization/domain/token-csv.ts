/**
 * CSV import and export of tokens (RFC 4180: comma-separated, double quotes, CRLF or LF). Pure.
 * Columns: idToken,type,groupIdToken,blocked,expiresAt,language,owner,masterPass, named by a header
 * row in any order; idToken and type are required. Line numbers count physical lines (header = 1).
 */
import { checkTokenFields, type TokenFields } from './token.js';

export const TOKEN_CSV_COLUMNS = ['idToken', 'type', 'groupIdToken', 'blocked', 'expiresAt', 'language', 'owner', 'masterPass'] as const;
type Column = (typeof TOKEN_CSV_COLUMNS)[number];

export type CsvRecord = { line: number; fields: string[] };
export type CsvProblem = { line: number; message: string };
export type TokenCsvRow = { line: number; token: TokenFields };
export type TokenCsvResult = { rows: TokenCsvRow[]; problems: CsvProblem[] };

/** Splits CSV text into records, each with the line it starts on. An unterminated quote is a problem. */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; i += 1; continue; }
    if (c === ',') { fields.push(field); field = ''; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      start = line;
      continue;
    }
    field += c;
    i += 1;
  }
  if (quoted) return { records, problems: [{ line: start, message: 'a quoted field is not closed' }] };
  if (field !== '' || fields.length > 0) endRecord();
  // Blank lines carry nothing.
  return { records: records.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === '')), problems: [] };
}

const BOOLEANS: Record<string, boolean> = { '': false, true: true, false: false, '1': true, '0': false, yes: true, no: false };
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads a token CSV file; all rows are checked, so every problem is reported at once. */
export function parseTokenCsv(text: string): TokenCsvResult {
  const parsed = parseCsv(text);
  if (parsed.problems.length > 0) return { rows: [], problems: parsed.problems };
  const [header, ...body] = parsed.records;
  if (!header) return { rows: [], problems: [{ line: 1, message: `the file is empty: a header row (${TOKEN_CSV_COLUMNS.join(',')}) is required` }] };
  const columns = readHeader(header);
  if ('problems' in columns) return { rows: [], problems: columns.problems };

  const rows: TokenCsvRow[] = [];
  const problems: CsvProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of body) {
    if (record.fields.length !== columns.names.length) {
      problems.push({ line: record.line, message: `has ${record.fields.length} fields, the header has ${columns.names.length}` });
      continue;
    }
    const cell = (name: Column): string => {
      const index = columns.names.indexOf(name);
      return index < 0 ? '' : record.fields[index]!.trim();
    };
    const rowProblems: string[] = [];
    const flag = (name: Column): boolean => {
      const value = BOOLEANS[cell(name).toLowerCase()];
      if (value === undefined) rowProblems.push(`${name} "${cell(name)}" is not true/false/1/0/yes/no`);
      return value ?? false;
    };
    const expiresText = cell('expiresAt');
    let expiresAt: Date | null = null;
    if (expiresText !== '') {
      expiresAt = new Date(expiresText);
      if (!ISO_INSTANT.test(expiresText) || Number.isNaN(expiresAt.getTime())) {
        rowProblems.push(`expiresAt "${expiresText}" is not an ISO 8601 date-time with a time zone`);
        expiresAt = null;
      }
    }
    const token: TokenFields = {
      idToken: cell('idToken'),
      type: cell('type'),
      groupIdToken: cell('groupIdToken') || null,
      blocked: flag('blocked'),
      expiresAt,
      language: cell('language') || null,
      owner: cell('owner') || null,
      masterPass: flag('masterPass'),
    };
    if (token.type === '') rowProblems.push('type is empty');
    rowProblems.push(...checkTokenFields(token.type === '' ? { ...token, type: undefined } : token));
    const key = token.idToken.toLowerCase();
    const first = firstLineOf.get(key);
    if (token.idToken !== '' && first !== undefined) rowProblems.push(`idToken ${token.idToken} appears already on line ${first}`);
    else firstLineOf.set(key, record.line);
    if (rowProblems.length > 0) problems.push({ line: record.line, message: rowProblems.join('; ') });
    else rows.push({ line: record.line, token });
  }
  return { rows, problems };
}

function readHeader(header: CsvRecord): { names: Array<Column | null> } | { problems: CsvProblem[] } {
  const problems: string[] = [];
  const names = header.fields.map((raw): Column | null => {
    const name = TOKEN_CSV_COLUMNS.find((column) => column.toLowerCase() === raw.trim().toLowerCase());
    if (!name) problems.push(`unknown column "${raw}" (columns: ${TOKEN_CSV_COLUMNS.join(',')})`);
    return name ?? null;
  });
  for (const required of ['idToken', 'type'] as const) if (!names.includes(required)) problems.push(`column ${required} is required`);
  const repeated = names.filter((name, i) => name !== null && names.indexOf(name) !== i);
  if (repeated.length > 0) problems.push(`column ${repeated[0]} appears twice`);
  return problems.length > 0 ? { problems: [{ line: header.line, message: problems.join('; ') }] } : { names };
}

/** Quotes a field when CSV requires it (separator, quote, line break, or spaces a reader would trim). */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatTokenCsv(tokens: Iterable<TokenFields>): string {
  const lines = [TOKEN_CSV_COLUMNS.join(',')];
  for (const t of tokens) {
    lines.push([
      t.idToken, t.type, t.groupIdToken ?? '', String(t.blocked), t.expiresAt?.toISOString() ?? '', t.language ?? '', t.owner ?? '', String(t.masterPass),
    ].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
