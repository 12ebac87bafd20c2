// The payment-provider port (issue 8): what an ad-hoc charge needs from a card acquirer, whatever
// it is (Stripe, a payment terminal at the charger). Amounts are integers in the currency's minor
// units, as every acquirer takes them; never a float of euros.

export type PreAuthorisation = {
  /** The provider's id of the authorisation (Stripe PaymentIntent id, terminal transaction id). */
  ref: string;
  /** `requires_action`: the card holder must authenticate first (3-D Secure), at `actionUrl`. */
  status: 'authorised' | 'declined' | 'requires_action' | 'requires_payment_method';
  /** Why it was declined, as the provider said it. */
  failure?: string;
  /** Where to send the card holder to authenticate; they come back to the request's `returnUrl`. */
  actionUrl?: string;
  /**
   * `requires_payment_method`: created without a card; the driver's browser confirms it with this
   * secret (Stripe.js confirmCardPayment, which also runs 3-D Secure). Given to that page only. ADR 065.
   */
  clientSecret?: string;
};

export interface PaymentProvider {
  readonly name: string;
  /** Reserves `amountMinor` on the card without taking it. */
  preAuthorise(request: { amountMinor: number; currency: string; reference: string; paymentMethod?: string; email?: string; returnUrl?: string }): Promise<PreAuthorisation>;
  /** Where an authorisation stands now (after 3-D Secure); providers without authentication steps may omit it. */
  authorisation?(ref: string): Promise<PreAuthorisation>;
  /** Takes the actual amount (at most the authorised one); the rest of the reservation is released. */
  capture(ref: string, amountMinor: number): Promise<void>;
  /** Releases the whole reservation: nothing is taken (no energy delivered). */
  void(ref: string): Promise<void>;
  /** Gives back (part of) a captured amount; `refundId` makes a retried refund a no-op. */
  refund(ref: string, amountMinor: number, refundId: string): Promise<void>;
  /** Lets go of connections (a terminal's TCP link) at shutdown; optional. */
  close?(): void;
}

export class PaymentProviderError extends Error {
  constructor(readonly provider: string, message: string, readonly status?: number) {
    super(`${provider}: ${message}`);
    this.name = 'PaymentProviderError';
  }
}
