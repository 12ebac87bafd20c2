// Column lists shared by the batched statements (append-batch.ts, ADR 015; start-batch.ts, ADR 090):
// the jsonb rows are read with jsonb_to_recordset, whose record type names every column with its
// SQL type. Names as in schema-sessions.ts.

type Columns = ReadonlyArray<readonly [string, string]>;

/** The session columns a message may change (everything but the identity and the timestamps). */
export const SESSION_COLUMNS = [
  ['evse_id', 'integer'], ['connector_id', 'integer'], ['status', 'text'], ['id_token', 'text'], ['id_token_type', 'text'], ['group_id_token', 'text'],
  ['authorization_status', 'text'], ['authorization_method', 'text'], ['reservation_id', 'integer'], ['remote_start_id', 'integer'],
  ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['meter_start_wh', 'numeric'], ['meter_stop_wh', 'numeric'], ['energy_wh', 'numeric'],
  ['last_meter_at', 'timestamptz'], ['charging_state', 'text'], ['stopped_reason', 'text'], ['last_seq_no', 'integer'], ['had_offline_events', 'boolean'],
  ['anomalies', 'jsonb'], ['last_reading_at', 'timestamptz'], ['last_reading_wh', 'numeric'], ['readings_in_row', 'boolean'],
] as const;

/** `name type, ...` for a jsonb_to_recordset record type. */
export const recordType = (columns: Columns, prefix = ''): string => columns.map(([name, type]) => `${prefix}${name} ${type}`).join(', ');

/** `name, ...` (each name prefixed) for insert and select lists. */
export const columnList = (columns: Columns, prefix = ''): string => columns.map(([name]) => `${prefix}${name}`).join(', ');
