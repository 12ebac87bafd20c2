import type { Ocpp16ActionMap, Ocpp16StationAction } from './ocpp16/generated/types.js';
import type { Ocpp201ActionMap, Ocpp201StationAction } from './ocpp201/generated/types.js';
import type { Ocpp21ActionMap, Ocpp21StationAction } from './ocpp21/generated/types.js';
import type { CallDispatcher } from './rpc-connection.js';

/**
 * Typed handler tables, one per version family. A handler that returns the wrong response type for
 * its action does not compile; the engine also validates every response at run time.
 */
export type Ocpp16Handlers<Ctx> = {
  [A in Ocpp16StationAction]?: (ctx: Ctx, request: Ocpp16ActionMap[A]['request']) => Promise<Ocpp16ActionMap[A]['response']>;
};

/** Actions a station sends in both 2.0.1 and 2.1: one adapter serves both versions. */
export type Ocpp2xStationAction = Ocpp201StationAction & Ocpp21StationAction;

/**
 * A 2.x handler receives either version's request and must answer with what both versions accept.
 * 2.1-only actions get their own table when a capability needs them.
 */
export type Ocpp2xHandlers<Ctx> = {
  [A in Ocpp2xStationAction]?: (
    ctx: Ctx,
    request: Ocpp201ActionMap[A]['request'] | Ocpp21ActionMap[A]['request'],
  ) => Promise<Ocpp201ActionMap[A]['response'] & Ocpp21ActionMap[A]['response']>;
};

export type Ocpp21OnlyHandlers<Ctx> = {
  [A in Exclude<Ocpp21StationAction, Ocpp2xStationAction>]?: (ctx: Ctx, request: Ocpp21ActionMap[A]['request']) => Promise<Ocpp21ActionMap[A]['response']>;
};

type AnyHandler<Ctx> = (ctx: Ctx, request: never) => Promise<unknown>;

/** Turns a handler table into the engine's dispatcher. The payload was validated before this runs. */
export function dispatcherFromTable<Ctx>(table: object, ctx: Ctx): CallDispatcher {
  return (action, payload) => callHandlerOf(table, action, ctx, payload);
}

/**
 * Runs the table's handler for `action` with `ctx`, or returns undefined when the table has none
 * (the engine answers NotSupported). For a context object that dispatches itself (a `CallHandler`
 * method), so that a link needs no dispatcher closure.
 */
export function callHandlerOf<Ctx>(table: object, action: string, ctx: Ctx, payload: unknown): Promise<unknown> | undefined {
  const handlers = table as Record<string, AnyHandler<Ctx> | undefined>;
  const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  return handler ? handler(ctx, payload as never) : undefined;
}
