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

export type BrandingView = { displayName?: unknown; name?: unknown; primaryColor?: unknown; accentColor?: unknown; logo?: unknown };
const COLOR = /^#[0-9a-fA-F]{3,8}$/;

/**
 * Tenant branding (from /auth/me, or the public /api/v1/branding before sign-in): colours are
 * validated before they reach CSS, the logo must be an https or data:image URL.
 */
export function applyBranding(branding: BrandingView | null | undefined, fallbackName = 'ChargeOps'): { name: string; logo: string | null } {
  const style = document.documentElement.style;
  for (const [property, value] of [['--brand', branding?.primaryColor], ['--accent', branding?.accentColor]] as const) {
    if (typeof value === 'string' && COLOR.test(value)) style.setProperty(property, value);
    else style.removeProperty(property);
  }
  const named = [branding?.displayName, branding?.name].find((n): n is string => typeof n === 'string' && n.trim().length > 0);
  const name = named?.trim() ?? fallbackName;
  document.title = name;
  const logo = typeof branding?.logo === 'string' && /^(https:\/\/|data:image\/)/.test(branding.logo) ? branding.logo : null;
  return { name, logo };
}
