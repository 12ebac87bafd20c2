/**
 * In-process domain events: what happened, for whom. Capabilities publish; the event stream (SSE),
 * webhooks and other capabilities subscribe. Delivery is synchronous and in order; a failing
 * subscriber is isolated (logged by the bus owner, never thrown at the publisher). A clustered
 * deployment bridges this bus to NATS so every node's subscribers see every event.
 */
export type DomainEvent = {
  /** Dotted type, e.g. station.connected, station.status-changed, session.started, session.ended. */
  type: string;
  tenantId: string;
  stationId?: string;
  at: Date;
  data: Record<string, unknown>;
};

export type EventSubscriber = (event: DomainEvent) => void;

export interface EventPublisher {
  publish(event: DomainEvent): void;
}

export class EventBus implements EventPublisher {
  private readonly subscribers = new Set<EventSubscriber>();

  constructor(private readonly onSubscriberError: (error: unknown, event: DomainEvent) => void = () => {}) {}

  publish(event: DomainEvent): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(event);
      } catch (error) {
        this.onSubscriberError(error, event);
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(subscriber: EventSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}
