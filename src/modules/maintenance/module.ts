// Builds the maintenance services and the minute sweep that publishes window starts/ends and opens
// the work orders of preventive maintenance that came due.
import type { Executor } from '../../infra/db/database.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { Logger } from 'pino';
import type { IncidentDispatch } from './ports.js';
import { MaintenanceScheduleService } from './schedule-service.js';
import { MaintenanceWindowService } from './window-service.js';
import { WorkOrderService } from './work-order-service.js';

export function createMaintenanceModule(db: Executor, events: EventPublisher, log: Logger, options: { incidents?: IncidentDispatch | null; now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const windows = new MaintenanceWindowService(db, events, now);
  const workOrders = new WorkOrderService(db, events, options.incidents ?? null, now);
  const schedules = new MaintenanceScheduleService(db, workOrders, now);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      await windows.publishDue();
      const opened = await schedules.generateDue();
      if (opened > 0) log.info({ opened }, 'preventive maintenance work orders opened');
    } catch (error) {
      log.error({ err: error }, 'maintenance sweep failed');
    }
  };

  return {
    windows, workOrders, schedules, sweep,
    start(intervalMs = 60_000): void {
      if (timer) return;
      timer = setInterval(() => { running = sweep(); }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type MaintenanceModule = ReturnType<typeof createMaintenanceModule>;
