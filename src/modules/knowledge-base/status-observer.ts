// Collects the codes stations send: every station.status-changed that carries a fault is explained
// with the station named, so an unknown code is counted with the station and its vendor/model.
import type { Logger } from 'pino';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { KnowledgeBaseService } from './service.js';

export function observeStationFaults(kb: KnowledgeBaseService, log: Logger): (event: DomainEvent) => void {
  return (event) => {
    if (event.type !== 'station.status-changed' || !event.stationId) return;
    const { errorCode, vendorErrorCode } = event.data;
    const faulty = (typeof errorCode === 'string' && errorCode !== 'NoError') || (typeof vendorErrorCode === 'string' && vendorErrorCode.trim() !== '');
    if (!faulty) return;
    const stationId = event.stationId;
    void kb.faultFromStatus(event.tenantId, stationId, event.data)
      .then((fault) => kb.explain(event.tenantId, fault, { stationId, at: event.at }))
      .catch((error: unknown) => log.error({ err: error, stationId }, 'explaining a station fault failed'));
  };
}
