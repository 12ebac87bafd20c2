// Downloads an API file (PDF, CSV) with the tab's credentials: a plain link would not carry the
// Authorization header of an API-key sign-in. Returns the text for CSV so a page can show it too.
import { authHeaders } from '../api/credentials.js';
import { problemOf } from '../api/problem.js';

export async function fetchFile(path: string): Promise<Blob> {
  const response = await fetch(path, { credentials: 'same-origin', headers: authHeaders('GET') });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = null;
    try { body = JSON.parse(text); } catch { body = { detail: text.slice(0, 200) }; }
    throw problemOf(response.status, body);
  }
  return response.blob();
}

/** Saves `blob` as `filename` through a temporary object-URL link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A minimal CSV reader for the finance exports (quoted fields, "" escapes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
