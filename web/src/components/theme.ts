export type Theme = 'light' | 'dark';
const STORAGE = 'chargeops.theme';

/** The chosen theme, else the system's preference. */
export function initialTheme(): Theme {
  const saved = localStorage.getItem(STORAGE);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  localStorage.setItem(STORAGE, theme);
}

/** Tenant branding: a primary colour (validated: it goes into CSS) and a product name. */
export function applyBranding(branding: { primaryColor?: unknown; productName?: unknown } | null | undefined): string {
  const color = typeof branding?.primaryColor === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(branding.primaryColor) ? branding.primaryColor : null;
  if (color) document.documentElement.style.setProperty('--brand', color);
  else document.documentElement.style.removeProperty('--brand');
  const name = typeof branding?.productName === 'string' && branding.productName.trim() ? branding.productName.trim() : 'ChargeOps';
  document.title = name;
  return name;
}
