import { Type, type Static } from '@sinclair/typebox';

/**
 * The one typed configuration of ChargeOps. Sources, later ones winning: defaults, the JSON file
 * (`--config` / CHARGEOPS_CONFIG, else ./chargeops.json if present), environment, command line.
 */
export const ConfigSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8180, description: 'HTTP + WebSocket port (0 = any free port)' }),
    host: Type.String({ default: '0.0.0.0', description: 'Address to listen on' }),
    publicUrl: Type.Optional(Type.String({ description: 'Base URL printed at start-up, e.g. https://cpms.example.com' })),
    dataDir: Type.String({ minLength: 1, default: './data', description: 'Directory of the embedded database' }),
    databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL URL; switches from the embedded PGlite to PostgreSQL' })),
    apiKey: Type.Optional(Type.String({ minLength: 24, description: 'Bootstrap admin API key' })),
    adminEmail: Type.String({ minLength: 3, default: 'admin@localhost', description: 'Email of the platform admin created at first start' }),
    adminPassword: Type.Optional(Type.String({ minLength: 12, description: 'Password of that admin (default: generated and printed once)' })),
    auth: Type.Object(
      {
        sessionHours: Type.Number({ exclusiveMinimum: 0, default: 12, description: 'Dashboard session lifetime from sign-in' }),
        sessionIdleMinutes: Type.Number({ exclusiveMinimum: 0, default: 30, description: 'A session unused this long ends' }),
        maxFailedLoginsPerAccount: Type.Integer({ minimum: 1, default: 5, description: 'Failed sign-ins for one email within the window that lock it' }),
        maxFailedLoginsPerAddress: Type.Integer({ minimum: 1, default: 20, description: 'Failed sign-ins from one client address within the window that lock it' }),
        failureWindowMinutes: Type.Number({ exclusiveMinimum: 0, default: 15, description: 'Window in which failed sign-ins are counted' }),
        lockoutMinutes: Type.Number({ exclusiveMinimum: 0, default: 15, description: 'How long a locked email or address waits' }),
        invitationHours: Type.Number({ exclusiveMinimum: 0, default: 72, description: 'How long an invitation link is valid' }),
        passwordResetMinutes: Type.Number({ exclusiveMinimum: 0, default: 30, description: 'How long a password reset link is valid' }),
        secretKey: Type.Optional(Type.String({ minLength: 32, description: 'Key that encrypts TOTP secrets at rest (keep it out of the database backups)' })),
        totpIssuer: Type.String({ minLength: 1, default: 'ChargeOps', description: 'Issuer shown in authenticator apps' }),
      },
      { default: {} },
    ),
    rateLimits: Type.Object(
      {
        perApiKey: Type.Integer({ minimum: 1, default: 6000, description: 'API calls per window for one API key, counted across all nodes' }),
        perSession: Type.Integer({ minimum: 1, default: 3000, description: 'API calls per window for one dashboard session, counted across all nodes' }),
        perIp: Type.Integer({ minimum: 1, default: 300, description: 'API calls per window from one client IP without credentials (and first calls of a credential)' }),
        windowSeconds: Type.Integer({ minimum: 1, maximum: 86400, default: 60, description: 'Length of the fixed rate-limit window' }),
      },
      { default: {}, additionalProperties: false },
    ),
    smtp: Type.Object(
      {
        host: Type.Optional(Type.String({ minLength: 1, description: 'SMTP server for invitation and password reset mails (unset: mails are not sent)' })),
        port: Type.Integer({ minimum: 1, maximum: 65535, default: 587 }),
        secure: Type.Boolean({ default: false, description: 'Implicit TLS (port 465); otherwise STARTTLS when offered' }),
        user: Type.Optional(Type.String()),
        password: Type.Optional(Type.String()),
        from: Type.String({ minLength: 3, default: 'ChargeOps <no-reply@localhost>', description: 'Sender of the mails' }),
        allowSelfSigned: Type.Boolean({ default: false, description: 'Accept a self-signed certificate (a local relay only)' }),
      },
      { default: {} },
    ),
    payments: Type.Object(
      {
        stripeSecretKey: Type.Optional(Type.String({ minLength: 8, description: 'Stripe secret key: card payments on the ad-hoc page (unset: no Stripe)' })),
        stripeApiUrl: Type.Optional(Type.String({ pattern: '^https?://', description: 'Stripe API base URL (a proxy, or a fake in tests); default https://api.stripe.com' })),
        terminal: Type.Union([Type.Literal('none'), Type.Literal('simulated'), Type.Literal('zvt')], { default: 'none', description: 'Card terminal adapter: zvt (a payment terminal speaking ZVT over TCP, see payments.zvt), simulated for demos and tests. ADR 084' }),
        zvt: Type.Object({
          host: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Address of the ZVT payment terminal (ECR interface over TCP)' }),
          port: Type.Integer({ minimum: 1, maximum: 65535, default: 20007, description: 'TCP port of the terminal\'s ZVT interface' }),
          password: Type.String({ pattern: '^\\d{6}$', default: '000000', description: 'The terminal\'s six-digit password (registration, refund)' }),
          currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'EUR', description: 'The currency the terminal is set up for (ISO 4217)' }),
          connectTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 5, description: 'How long connecting to the terminal may take' }),
          ackTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 5, description: 'How long the terminal may take to acknowledge a command' }),
          transactionTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 120, description: 'How long a command may run (the driver presents a card, the acquirer answers) before the CSMS aborts it' }),
        }, { default: {} }),
        unconfirmedSweep: Type.Object({
          afterMinutes: Type.Number({ exclusiveMinimum: 0, default: 30, description: 'Age after which a pre-authorisation that no charge uses (or an abandoned pending payment) is voided automatically. ADR 085' }),
          intervalSeconds: Type.Integer({ minimum: 1, default: 300, description: 'How often the sweep of unconfirmed payments runs' }),
        }, { default: {} }),
        stripePublishableKey: Type.Optional(Type.String({ minLength: 8, description: 'Stripe publishable key (pk_...): the ad-hoc page takes the payment with Stripe.js Payment Element and 3-D Secure (unset: server-side payment-method id, tests only). ADRs 065, 086' })),
        stripeJsUrl: Type.String({ pattern: '^https?://', default: 'https://js.stripe.com/v3/', description: 'Where the ad-hoc page loads Stripe.js from (its origin is allowed by the page CSP); a local stand-in in tests' }),
        stripeWebhookSecret: Type.Optional(Type.String({ minLength: 8, description: 'Signing secret (whsec_...) of the Stripe webhook endpoint /pay/webhooks/stripe (unset: webhooks refused)' })),
        publicRateLimit: Type.Object({
          startsPerIp: Type.Integer({ minimum: 1, default: 10, description: 'Pre-authorisations one IP may request per window on the public /pay pages' }),
          readsPerIp: Type.Integer({ minimum: 1, default: 600, description: 'Page and status reads one IP may make per window on the public /pay pages' }),
          windowSeconds: Type.Integer({ minimum: 1, default: 600 }),
        }, { default: {} }),
      },
      { default: {} },
    ),
    plugAndCharge: Type.Object(
      {
        trustedRoots: Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'ISO 15118 V2G / MO root certificates contract certificates must chain to: PEM texts or paths of PEM files (empty: every contract certificate is CertChainError)' }),
        contractCertificateProviderUrl: Type.Optional(Type.String({ pattern: '^https?://', description: 'Contract certificate provider that answers Get15118EVCertificate EXI requests (unset: answered Failed)' })),
        ocspTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 5, description: 'How long an OCSP responder may take to answer' }),
        providerTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 10, description: 'How long the contract certificate provider may take to answer' }),
      },
      { default: {} },
    ),
    unknownStations: Type.Union([Type.Literal('reject'), Type.Literal('pending'), Type.Literal('accept')], {
      default: 'pending',
      description: 'What happens when a station id nobody registered connects',
    }),
    defaultTenant: Type.String({ minLength: 1, default: 'default', description: 'Tenant that auto-registered stations join' }),
    nodeId: Type.Optional(Type.String({ minLength: 1, description: 'Name of this node in a cluster (default: host name + pid)' })),
    logLevel: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
      { default: 'info' },
    ),
    ocpp: Type.Object(
      {
        heartbeatIntervalSeconds: Type.Integer({ minimum: 1, default: 300, description: 'Heartbeat interval given in BootNotification.conf' }),
        bootRetryIntervalSeconds: Type.Integer({ minimum: 1, default: 60, description: 'Interval given to Pending / Rejected stations' }),
        callTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 30, description: 'How long a CALL to a station may take' }),
        maxFrameBytes: Type.Integer({ minimum: 1024, default: 262144, description: 'Largest WebSocket message accepted' }),
        pingIntervalSeconds: Type.Number({ exclusiveMinimum: 0, default: 30, description: 'WebSocket ping period; no pong within one period closes the link' }),
        shedQueueDepth: Type.Integer({ minimum: 1, default: 2000, description: 'Writes waiting for the database above which BootNotifications are answered Pending' }),
        shedRetrySeconds: Type.Tuple([Type.Integer({ minimum: 1 }), Type.Integer({ minimum: 1 })], { default: [2, 10], description: 'Retry interval range given to stations shed under load (short and jittered: a shed station should come back as soon as the queue has drained)' }),
        maxQueuedCalls: Type.Integer({ minimum: 1, default: 100, description: 'CALLs to one station waiting behind the outstanding one' }),
      },
      { default: {} },
    ),
    remoteStartTimeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 120, description: 'How long an accepted remote start/stop may take to start/end a session before it counts as failed' }),
    reservationSweepSeconds: Type.Number({ exclusiveMinimum: 0, default: 5, description: 'How often expired reservations are looked for' }),
    healthSweepSeconds: Type.Number({ minimum: 0.1, maximum: 300, default: 5, description: 'Network health: how often one sweep evaluates every station\'s detection rules and the SLA clocks (detection latency is at most this past a rule\'s window)' }),
    sessionStaleHours: Type.Number({ exclusiveMinimum: 0, default: 24, description: 'An active session with no event or meter progress for this long is closed as stale' }),
    sessionSweepMinutes: Type.Number({ exclusiveMinimum: 0, default: 10, description: 'How often stale sessions are looked for (one timer for all)' }),
    stationClockToleranceSeconds: Type.Number({ minimum: 0, default: 300, description: 'A transaction event stamped further ahead of the CSMS clock is recorded as an anomaly' }),
    shutdownGraceSeconds: Type.Number({ minimum: 0, default: 10, description: 'How long in-flight calls may finish at shutdown' }),
    events: Type.Object(
      {
        heartbeatSeconds: Type.Number({ exclusiveMinimum: 0, default: 15, description: 'SSE heartbeat comment period' }),
        maxReplay: Type.Integer({ minimum: 1, default: 10000, description: 'Most stored events replayed on one SSE connection (Last-Event-ID)' }),
      },
      { default: {} },
    ),
    webhooks: Type.Object(
      {
        timeoutSeconds: Type.Number({ exclusiveMinimum: 0, default: 10, description: 'How long a webhook endpoint may take to answer' }),
        retryScheduleSeconds: Type.Array(Type.Number({ minimum: 0 }), {
          minItems: 1, default: [10, 30, 120, 600, 3600, 21600, 43200], description: 'Delay before each retry (the last one repeats), +-20% jitter',
        }),
        maxAttempts: Type.Integer({ minimum: 1, default: 8, description: 'Attempts of one delivery before it is given up' }),
        maxConsecutiveFailures: Type.Integer({ minimum: 1, default: 20, description: 'Failed attempts in a row that disable a webhook' }),
        pollIntervalSeconds: Type.Number({ exclusiveMinimum: 0, default: 1, description: 'How often due retries are looked for' }),
      },
      { default: {} },
    ),
  },
  { additionalProperties: false },
);

export type Config = Static<typeof ConfigSchema>;
