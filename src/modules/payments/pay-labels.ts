// QR codes for the per-EVSE /pay labels (AFIR Art. 5(1): ad-hoc payment reachable at the charger):
// a PNG or SVG of one EVSE's page URL, and a printable sheet of every EVSE of a site, each label
// with its QR code, the human-readable URL and the EVSE id (for a driver whose camera fails).
import QRCode from 'qrcode';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const payUrl = (publicUrl: string, stationId: string, evseId: number) => `${publicUrl.replace(/\/$/, '')}/pay/${encodeURIComponent(stationId)}/${evseId}`;

// Error correction M (15 %): survives a scuffed sticker; a margin of 2 modules fits a label.
const OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

export function qrPng(url: string, widthPx = 512): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: widthPx });
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

export type LabelEvse = { stationId: string; stationName: string | null; evseId: number };

/** An A4 sheet of labels (3 per row), printable from the browser; self-contained (no external resources). */
export async function labelSheet(input: { siteName: string; brandName: string; publicUrl: string; evses: LabelEvse[] }): Promise<string> {
  const labels = await Promise.all(input.evses.map(async (e) => {
    const url = payUrl(input.publicUrl, e.stationId, e.evseId);
    return `<figure class="label" data-station="${escape(e.stationId)}" data-evse="${e.evseId}">${await qrSvg(url)}
<figcaption><strong>Pay here: ${escape(e.stationName ?? e.stationId)} · point ${e.evseId}</strong><br><span class="url">${escape(url)}</span><br>Card payment without an app · ${escape(input.brandName)}</figcaption></figure>`;
  }));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pay labels · ${escape(input.siteName)}</title>
<style>@page{size:A4;margin:10mm}body{font-family:system-ui,sans-serif;margin:0}h1{font-size:14pt}.sheet{display:grid;grid-template-columns:repeat(3,1fr);gap:6mm}
.label{border:1px dashed #999;margin:0;padding:4mm;text-align:center;break-inside:avoid}.label svg{width:45mm;height:45mm}figcaption{font-size:8pt}.url{font-family:monospace;word-break:break-all}
@media print{h1{display:none}}</style></head><body><h1>Pay labels for ${escape(input.siteName)} (${input.evses.length})</h1>
<div class="sheet">${labels.join('\n')}</div></body></html>`;
}
