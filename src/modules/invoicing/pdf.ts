// The invoice / credit note / receipt as a PDF (pdfkit, built-in Helvetica), with the tenant's
// branding: its display name, its logo when it is a data: PNG or JPEG (an https logo is not
// fetched at render time), its primary colour for the header band and table heading; and the
// seller's legal name, address and VAT id from the tenant's billing profile. Both come from the
// document's snapshot taken at issue (invoices.seller, ADR 061), so a re-render never changes it.
import PDFDocument from 'pdfkit';
import { Decimal } from '../tariffs/pricing/money.js';
import { currencyRules } from '../tariffs/tax/currencies.js';
import type { BillingProfile } from './billing-profile.js';
import type { InvoiceLineRow, InvoiceRow } from './store.js';

export type Branding = { name: string; displayName: string | null; logo: string | null; primaryColor: string | null; accentColor: string | null };

const TITLES: Record<string, string> = { invoice: 'Invoice', statement: 'Statement', credit_note: 'Credit note' };

function logoImage(logo: string | null): Buffer | null {
  const match = logo ? /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=]+)$/.exec(logo) : null;
  return match ? Buffer.from(match[2]!, 'base64') : null;
}

export function renderInvoicePdf(invoice: InvoiceRow, lines: InvoiceLineRow[], brand: Branding, extra: { creditsNumber?: string | null; title?: string; seller?: BillingProfile | null } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: 48,
    // The issue date, not the render time: the same invoice renders to the same document.
    info: { Title: `${TITLES[invoice.kind] ?? 'Invoice'} ${invoice.displayNumber}`, Author: brand.displayName ?? brand.name, CreationDate: invoice.issuedAt, ModDate: invoice.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const color = brand.primaryColor ?? '#1f2937';
  const amount = (value: string) => `${value} ${invoice.currency}`;

  const image = logoImage(brand.logo);
  if (image) {
    try {
      doc.image(image, 48, 40, { fit: [140, 48] });
    } catch {
      // an undecodable logo is left out rather than failing the invoice
    }
  }
  // The header band in the brand colour, the name in white on it (a receipt is recognisable at a glance).
  doc.rect(0, 0, 595.28, 96).fill(color);
  doc.fillColor('#ffffff').fontSize(18).text(brand.displayName ?? brand.name, 220, 38, { align: 'right', width: 327 });
  let top = 116;
  const seller = extra.seller;
  if (seller) {
    // The supplier as art. 226 of the VAT Directive wants it: full name, address, VAT identification number.
    const parts = [seller.legalName, ...seller.address, ...(seller.vatId ? [`VAT ID: ${seller.vatId}`] : []), ...(seller.email ? [seller.email] : []), ...(seller.phone ? [seller.phone] : [])];
    doc.fillColor('#333333').fontSize(9).text(parts.join('\n'), 300, 108, { align: 'right', width: 247 });
    top = Math.max(top, doc.y + 10);
  }

  doc.fillColor('#000000').fontSize(16).text(`${extra.title ?? TITLES[invoice.kind] ?? 'Invoice'} ${invoice.displayNumber}`, 48, top);
  doc.fontSize(10).moveDown(0.5);
  doc.text(`Issued: ${invoice.issuedAt.toISOString().slice(0, 10)}`);
  if (invoice.periodStart && invoice.periodEnd) doc.text(`Period: ${invoice.periodStart.toISOString().slice(0, 10)} to ${invoice.periodEnd.toISOString().slice(0, 10)} (end exclusive)`);
  if (extra.creditsNumber) doc.text(`Credits invoice ${extra.creditsNumber}. Reason: ${invoice.reason ?? ''}`);
  const customer = invoice.customer;
  const who = [customer.name, customer.email, customer.address, customer.idToken ? `token ${customer.idToken}` : null, customer.groupIdToken ? `group ${customer.groupIdToken}` : null].filter(Boolean);
  if (who.length > 0) doc.text(`Customer: ${who.join(', ')}`);
  doc.moveDown();

  const columns = [{ x: 48, w: 270, label: 'Description' }, { x: 322, w: 45, label: 'VAT %' }, { x: 370, w: 55, label: 'Net' }, { x: 428, w: 55, label: 'VAT' }, { x: 486, w: 61, label: 'Gross' }];
  let y = doc.y;
  doc.rect(48, y - 2, 499, 16).fill(color);
  doc.fillColor('#ffffff');
  for (const c of columns) doc.text(c.label, c.x + 2, y + 2, { width: c.w - 4, align: c.x === 48 ? 'left' : 'right' });
  doc.fillColor('#000000');
  y += 20;
  for (const line of lines) {
    const height = doc.heightOfString(line.description, { width: columns[0]!.w - 4 });
    if (y + height > 760) {
      doc.addPage();
      y = 48;
    }
    const cells = [line.description, line.vatRate === null ? '-' : String(Number(line.vatRate)), trimMoney(line.exclVat, invoice.currency), trimMoney(line.vat, invoice.currency), trimMoney(line.inclVat, invoice.currency)];
    cells.forEach((text, i) => doc.text(text, columns[i]!.x + 2, y, { width: columns[i]!.w - 4, align: i === 0 ? 'left' : 'right' }));
    y += height + 6;
  }
  doc.moveTo(48, y).lineTo(547, y).lineWidth(0.5).strokeColor('#999999').stroke();
  y += 8;
  for (const [label, value] of [['Total excl. VAT', invoice.totalExclVat], ['VAT', invoice.totalVat], ['Total incl. VAT', invoice.totalInclVat]] as const) {
    doc.fontSize(label === 'Total incl. VAT' ? 12 : 10).text(label, 322, y, { width: 150 }).text(amount(trimMoney(value, invoice.currency)), 420, y, { width: 127, align: 'right' });
    y += 18;
  }
  doc.end();
  return done;
}

/** numeric(20,6) from the database ("7.900000") to the currency's minor units ("7.90"). */
export function trimMoney(value: string, currency: string): string {
  return new Decimal(value).toFixed(currencyRules(currency).minorUnits);
}
