import './dom.js';
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

export async function render(element: ReactElement): Promise<{ container: HTMLElement; rerender(next: ReactElement): Promise<void>; unmount(): Promise<void> }> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(element));
  return {
    container,
    rerender: async (next) => act(async () => root.render(next)),
    unmount: async () => { await act(async () => root.unmount()); container.remove(); },
  };
}

/** Sets a form control's value the way a user would, so React's onChange fires. */
export async function change(element: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    // Through the prototype's setter: React's value tracker must see the change as the user's.
    const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function click(element: Element): Promise<void> {
  await act(async () => { (element as HTMLElement).click(); });
}

/** The control whose <label> text starts with `text`. */
export function byLabel(container: HTMLElement, text: string): HTMLInputElement | HTMLSelectElement {
  const label = [...container.querySelectorAll('label')].find((l) => (l.textContent ?? '').trim().startsWith(text));
  if (!label) throw new Error(`no label "${text}"`);
  const control = label.htmlFor ? container.querySelector(`#${CSS.escape(label.htmlFor)}`) : label.querySelector('input, select');
  if (!control) throw new Error(`label "${text}" has no control`);
  return control as HTMLInputElement | HTMLSelectElement;
}

/**
 * Imports a dashboard module compiled with web/tsconfig.json (automatic JSX runtime): the test
 * runner's tsx applies the root tsconfig, which covers only the server code.
 */
export async function importWeb<T>(path: string): Promise<T> {
  const { register } = await import('tsx/esm/api');
  const api = register({ namespace: 'dashboard-web', tsconfig: 'web/tsconfig.json' });
  return api.import(path, import.meta.url) as Promise<T>;
}
