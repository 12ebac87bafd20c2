import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED, redactSecrets } from './redact.js';

describe('audit redaction', () => {
  it('replaces secret-named keys at any depth and keeps the rest', () => {
    const body = {
      id: 'CP-1', password: 'sixteen-chars-pw!', nested: { apiKey: 'k', api_key: 'k', clientSecret: 's', accessToken: 't', token: 't' },
      list: [{ secret: 's', name: 'kept' }], idToken: 'RFID-1', displayName: 'Depot',
    };
    assert.deepEqual(redactSecrets(body), {
      id: 'CP-1', password: REDACTED, nested: { apiKey: REDACTED, api_key: REDACTED, clientSecret: REDACTED, accessToken: REDACTED, token: REDACTED },
      list: [{ secret: REDACTED, name: 'kept' }], idToken: 'RFID-1', displayName: 'Depot',
    });
  });

  it('redacts OCPP configuration values that are secrets, in 1.6 and 2.x shapes', () => {
    assert.deepEqual(redactSecrets({ key: 'AuthorizationKey', value: '0011' }), { key: 'AuthorizationKey', value: REDACTED });
    assert.deepEqual(redactSecrets({ key: 'HeartbeatInterval', value: '60' }), { key: 'HeartbeatInterval', value: '60' });
    const setVariables = { setVariableData: [{ attributeValue: 'pw', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] };
    assert.equal((redactSecrets(setVariables) as typeof setVariables).setVariableData[0]!.attributeValue, REDACTED);
  });

  it('leaves scalars alone', () => {
    assert.equal(redactSecrets('text'), 'text');
    assert.equal(redactSecrets(null), null);
  });
});
