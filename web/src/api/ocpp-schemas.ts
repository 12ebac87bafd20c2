import type { JsonSchema } from '../components/schema-form.js';
import { OCPP16_CSMS_ACTIONS } from '../../../src/protocol/ocpp16/generated/types.js';
import { OCPP201_CSMS_ACTIONS } from '../../../src/protocol/ocpp201/generated/types.js';
import { OCPP21_CSMS_ACTIONS } from '../../../src/protocol/ocpp21/generated/types.js';

/**
 * The OCA JSON schemas of the messages the CSMS sends, per protocol version: the same files the
 * server validates with (shipped in ocpp-rpc, used unmodified, CC BY-ND 4.0). Each version's file
 * is its own chunk, loaded the first time the "send any command" form needs it.
 */
const FILES = import.meta.glob<JsonSchema[]>('../../../node_modules/ocpp-rpc/lib/schemas/*.json', { import: 'default' });
const FILE_OF: Record<string, string> = { 'ocpp1.6': 'ocpp1_6.json', 'ocpp2.0.1': 'ocpp2_0_1.json', 'ocpp2.1': 'ocpp2_1.json' };

export const CSMS_ACTIONS: Record<string, readonly string[]> = {
  'ocpp1.6': OCPP16_CSMS_ACTIONS, 'ocpp2.0.1': OCPP201_CSMS_ACTIONS, 'ocpp2.1': OCPP21_CSMS_ACTIONS,
};

export async function requestSchema(version: string, action: string): Promise<JsonSchema> {
  const file = FILE_OF[version];
  const load = file ? Object.entries(FILES).find(([path]) => path.endsWith(`/${file}`))?.[1] : undefined;
  if (!load) throw new Error(`No message schemas for protocol ${version}`);
  const schemas = await load();
  // 1.6 ids are urn:<Action>.req, 2.0.1 urn:OCPP:Cp:2:2020:3:<Action>Request, 2.1 urn:<Action>Request.
  const ids = [`urn:${action}.req`, `urn:OCPP:Cp:2:2020:3:${action}Request`, `urn:${action}Request`];
  const schema = schemas.find((s) => ids.includes(String((s as { $id?: string }).$id)));
  if (!schema) throw new Error(`No schema for ${action} in ${version}`);
  return schema;
}
