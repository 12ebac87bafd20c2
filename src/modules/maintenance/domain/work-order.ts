// Work order lifecycle and time on site, as pure functions over the order's fields.
import type { ChecklistItem } from '../../../infra/db/schema-maintenance.js';

export const WORK_ORDER_STATUSES = ['open', 'assigned', 'in-progress', 'done', 'cancelled'] as const;
export type WorkOrderStatus = typeof WORK_ORDER_STATUSES[number];

const NEXT: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ['assigned', 'in-progress', 'done', 'cancelled'],
  assigned: ['open', 'in-progress', 'done', 'cancelled'],
  'in-progress': ['assigned', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function isFinal(status: WorkOrderStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** null when allowed, else why not. */
export function transitionError(from: WorkOrderStatus, to: WorkOrderStatus): string | null {
  if (from === to) return null;
  return NEXT[from].includes(to) ? null : `A work order cannot go from ${from} to ${to}`;
}

export function checklistOf(items: readonly string[]): ChecklistItem[] {
  return items.map((item) => ({ item, done: false }));
}

/** Marks items done or not by index; an index outside the list is an error. */
export function tickChecklist(list: readonly ChecklistItem[], changes: ReadonlyArray<{ index: number; done: boolean }>): ChecklistItem[] | string {
  const next = list.map((entry) => ({ ...entry }));
  for (const change of changes) {
    const entry = next[change.index];
    if (!entry) return `The checklist has no item ${change.index} (it has ${list.length})`;
    entry.done = change.done;
  }
  return next;
}

/** A visit: start sets onSiteSince; stop adds the elapsed time to onSiteMs. */
export function startOnSite(state: { onSiteSince: Date | null }, now: Date): { onSiteSince: Date } | string {
  return state.onSiteSince ? 'The technician is already on site' : { onSiteSince: now };
}

export function stopOnSite(state: { onSiteSince: Date | null; onSiteMs: number }, now: Date): { onSiteSince: null; onSiteMs: number } | string {
  if (!state.onSiteSince) return 'The technician is not on site';
  return { onSiteSince: null, onSiteMs: state.onSiteMs + Math.max(0, now.getTime() - state.onSiteSince.getTime()) };
}
