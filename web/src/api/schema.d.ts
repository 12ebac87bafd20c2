// GENERATED FILE, DO NOT EDIT. Run `npm run generate:client` to regenerate from the server's OpenAPI document.

export interface paths {
    "/api/v1/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stations */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    registrationStatus?: "Accepted" | "Pending" | "Rejected";
                    online?: boolean;
                    /** @description Only the stations at this site */
                    siteId?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: id, displayName, createdAt, updatedAt, lastSeenAt, registrationStatus. Default id. A cursor is valid only with the sort it was made under.
                     * @example id
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-0"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a station */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Station identity, the last segment of its OCPP URL */
                        id: string;
                        displayName?: null | string;
                        registrationStatus?: "Accepted" | "Pending" | "Rejected";
                        securityProfile?: number;
                        /** @description HTTP Basic password (security profile 1/2); stored hashed */
                        password?: string;
                        evses?: {
                            evseId: number;
                            connectors: {
                                connectorId: number;
                                type?: string | null;
                                maxPowerW?: number | null;
                                phases?: number | null;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            displayName: string | null;
                            registrationStatus: "Accepted" | "Pending" | "Rejected";
                            securityProfile: number;
                            hasPassword: boolean;
                            ocppVersion: string | null;
                            vendor: string | null;
                            model: string | null;
                            serialNumber: string | null;
                            firmwareVersion: string | null;
                            iccid: string | null;
                            imsi: string | null;
                            online: boolean;
                            lastBootAt: string | null;
                            lastSeenAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A station with its EVSEs, connectors and live status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            displayName: string | null;
                            registrationStatus: "Accepted" | "Pending" | "Rejected";
                            securityProfile: number;
                            hasPassword: boolean;
                            ocppVersion: string | null;
                            vendor: string | null;
                            model: string | null;
                            serialNumber: string | null;
                            firmwareVersion: string | null;
                            iccid: string | null;
                            imsi: string | null;
                            online: boolean;
                            lastBootAt: string | null;
                            lastSeenAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            stationStatus: {
                                /** @description Available, Occupied, Reserved, Unavailable or Faulted */
                                occupancy: string;
                                chargingState: string | null;
                                /** @description The status as the station spelled it in its protocol version */
                                rawStatus: string;
                                errorCode: string | null;
                                vendorErrorCode: string | null;
                                info: string | null;
                                /** Format: date-time */
                                reportedAt: string;
                            } | null;
                            evses: {
                                evseId: number;
                                status: {
                                    /** @description Available, Occupied, Reserved, Unavailable or Faulted */
                                    occupancy: string;
                                    chargingState: string | null;
                                    /** @description The status as the station spelled it in its protocol version */
                                    rawStatus: string;
                                    errorCode: string | null;
                                    vendorErrorCode: string | null;
                                    info: string | null;
                                    /** Format: date-time */
                                    reportedAt: string;
                                } | null;
                                connectors: {
                                    connectorId: number;
                                    type: string | null;
                                    maxPowerW: number | null;
                                    phases: number | null;
                                    declared: boolean;
                                    status: {
                                        /** @description Available, Occupied, Reserved, Unavailable or Faulted */
                                        occupancy: string;
                                        chargingState: string | null;
                                        /** @description The status as the station spelled it in its protocol version */
                                        rawStatus: string;
                                        errorCode: string | null;
                                        vendorErrorCode: string | null;
                                        info: string | null;
                                        /** Format: date-time */
                                        reportedAt: string;
                                    } | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a station (its history is kept) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a station */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: null | string;
                        registrationStatus?: "Accepted" | "Pending" | "Rejected";
                        securityProfile?: number;
                        password?: null | string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            displayName: string | null;
                            registrationStatus: "Accepted" | "Pending" | "Rejected";
                            securityProfile: number;
                            hasPassword: boolean;
                            ocppVersion: string | null;
                            vendor: string | null;
                            model: string | null;
                            serialNumber: string | null;
                            firmwareVersion: string | null;
                            iccid: string | null;
                            imsi: string | null;
                            online: boolean;
                            lastBootAt: string | null;
                            lastSeenAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stations/{id}/evses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Declare the EVSEs and connectors of a station (replaces the layout) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evseId: number;
                        connectors: {
                            connectorId: number;
                            type?: string | null;
                            maxPowerW?: number | null;
                            phases?: number | null;
                        }[];
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            displayName: string | null;
                            registrationStatus: "Accepted" | "Pending" | "Rejected";
                            securityProfile: number;
                            hasPassword: boolean;
                            ocppVersion: string | null;
                            vendor: string | null;
                            model: string | null;
                            serialNumber: string | null;
                            firmwareVersion: string | null;
                            iccid: string | null;
                            imsi: string | null;
                            online: boolean;
                            lastBootAt: string | null;
                            lastSeenAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            stationStatus: {
                                /** @description Available, Occupied, Reserved, Unavailable or Faulted */
                                occupancy: string;
                                chargingState: string | null;
                                /** @description The status as the station spelled it in its protocol version */
                                rawStatus: string;
                                errorCode: string | null;
                                vendorErrorCode: string | null;
                                info: string | null;
                                /** Format: date-time */
                                reportedAt: string;
                            } | null;
                            evses: {
                                evseId: number;
                                status: {
                                    /** @description Available, Occupied, Reserved, Unavailable or Faulted */
                                    occupancy: string;
                                    chargingState: string | null;
                                    /** @description The status as the station spelled it in its protocol version */
                                    rawStatus: string;
                                    errorCode: string | null;
                                    vendorErrorCode: string | null;
                                    info: string | null;
                                    /** Format: date-time */
                                    reportedAt: string;
                                } | null;
                                connectors: {
                                    connectorId: number;
                                    type: string | null;
                                    maxPowerW: number | null;
                                    phases: number | null;
                                    declared: boolean;
                                    status: {
                                        /** @description Available, Occupied, Reserved, Unavailable or Faulted */
                                        occupancy: string;
                                        chargingState: string | null;
                                        /** @description The status as the station spelled it in its protocol version */
                                        rawStatus: string;
                                        errorCode: string | null;
                                        vendorErrorCode: string | null;
                                        info: string | null;
                                        /** Format: date-time */
                                        reportedAt: string;
                                    } | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a pending station */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            displayName: string | null;
                            registrationStatus: "Accepted" | "Pending" | "Rejected";
                            securityProfile: number;
                            hasPassword: boolean;
                            ocppVersion: string | null;
                            vendor: string | null;
                            model: string | null;
                            serialNumber: string | null;
                            firmwareVersion: string | null;
                            iccid: string | null;
                            imsi: string | null;
                            online: boolean;
                            lastBootAt: string | null;
                            lastSeenAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connection history (newest first) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "connected" | "disconnected";
                                /** Format: date-time */
                                at: string;
                                reason: string | null;
                                closeCode: number | null;
                                ocppVersion: string | null;
                                remoteAddress: string | null;
                                nodeId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security events, NotifyEvent reports and data transfers (newest first) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    kind?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: string;
                                occurredAt: string | null;
                                /** Format: date-time */
                                receivedAt: string;
                                payload: unknown;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/ocpp/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send any CSMS-initiated OCPP message and return the station's answer
         * @description The body is the OCPP payload, validated against the schema of the protocol version the station speaks. The command and its answer are logged.
         */
        post: {
            parameters: {
                query?: {
                    timeoutMs?: number;
                };
                header?: never;
                path: {
                    id: string;
                    action: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A command sent to a station: its answer and, for remote start/stop, its final outcome */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            action: string;
                            payload: unknown;
                            outcome: string | null;
                            response: unknown;
                            requestedBy: string | null;
                            sessionId: string | null;
                            remoteStartId: number | null;
                            /** Format: date-time */
                            sentAt: string;
                            answeredAt: string | null;
                            finalOutcome: string | null;
                            finalDetail: string | null;
                            finalAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commands sent to a station (newest first) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string;
                                action: string;
                                payload: unknown;
                                outcome: string | null;
                                response: unknown;
                                requestedBy: string | null;
                                sessionId: string | null;
                                remoteStartId: number | null;
                                /** Format: date-time */
                                sentAt: string;
                                answeredAt: string | null;
                                finalOutcome: string | null;
                                finalDetail: string | null;
                                finalAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/remote-start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a session remotely (1.6 RemoteStartTransaction, 2.x RequestStartTransaction) */
        post: {
            parameters: {
                query?: {
                    /** @description Wait up to this long for the final outcome (session started / ended) */
                    waitSeconds?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        idToken: string;
                        /** @description 2.x token type; default Central */
                        idTokenType?: string;
                        evseId?: number;
                        /** @description A TxProfile in the station's OCPP version */
                        chargingProfile?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                            /** @description The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId} */
                            final?: {
                                outcome: string;
                                detail: string | null;
                                sessionId: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a session remotely (1.6 RemoteStopTransaction, 2.x RequestStopTransaction) */
        post: {
            parameters: {
                query?: {
                    /** @description Wait up to this long for the final outcome (session started / ended) */
                    waitSeconds?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                            /** @description The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId} */
                            final?: {
                                outcome: string;
                                detail: string | null;
                                sessionId: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a connector */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evseId: number;
                        connectorId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                            /** @description The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId} */
                            final?: {
                                outcome: string;
                                detail: string | null;
                                sessionId: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make the station, an EVSE or a connector operative or inoperative (Scheduled while a session runs) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operative: boolean;
                        evseId?: number;
                        connectorId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                            /** @description The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId} */
                            final?: {
                                outcome: string;
                                detail: string | null;
                                sessionId: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset the station (or one EVSE, 2.x): Soft/OnIdle when idle, Hard/Immediate now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        type: "Soft" | "Hard" | "OnIdle" | "Immediate";
                        evseId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                            /** @description The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId} */
                            final?: {
                                outcome: string;
                                detail: string | null;
                                sessionId: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the station to send a message now (TriggerMessage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        requestedMessage: string;
                        evseId?: number;
                        connectorId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            stationId: string;
                            action: string;
                            ocppVersion: string;
                            response: unknown;
                            /** @description The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId} */
                            final?: {
                                outcome: string;
                                detail: string | null;
                                sessionId: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reserve an EVSE (or any EVSE, or a connector type in 2.x) for a token until a time (ReserveNow) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        idToken: string;
                        idTokenType?: string;
                        groupIdToken?: string;
                        /** @description Omit to reserve any EVSE of the station */
                        evseId?: number;
                        /** @description 2.x ConnectorEnumType, e.g. cCCS2 */
                        connectorType?: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            stationId: string;
                            evseId: number | null;
                            connectorType: string | null;
                            idToken: string;
                            idTokenType: string | null;
                            groupIdToken: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Requested, Accepted, Faulted, Occupied, Rejected, Unavailable, Unanswered, Cancelled, Expired, Removed, Used */
                            status: string;
                            sessionId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reservations (newest first) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: number;
                    stationId?: string;
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                stationId: string;
                                evseId: number | null;
                                connectorType: string | null;
                                idToken: string;
                                idTokenType: string | null;
                                groupIdToken: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description Requested, Accepted, Faulted, Occupied, Rejected, Unavailable, Unanswered, Cancelled, Expired, Removed, Used */
                                status: string;
                                sessionId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reservation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            stationId: string;
                            evseId: number | null;
                            connectorType: string | null;
                            idToken: string;
                            idTokenType: string | null;
                            groupIdToken: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Requested, Accepted, Faulted, Occupied, Rejected, Unavailable, Unanswered, Cancelled, Expired, Removed, Used */
                            status: string;
                            sessionId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Cancel a reservation (CancelReservation) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reservation: {
                                id: number;
                                stationId: string;
                                evseId: number | null;
                                connectorType: string | null;
                                idToken: string;
                                idTokenType: string | null;
                                groupIdToken: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description Requested, Accepted, Faulted, Occupied, Rejected, Unavailable, Unanswered, Cancelled, Expired, Removed, Used */
                                status: string;
                                sessionId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            stationAnswer: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tariffs by name, a page at a time (nextCursor: the cursor of the next page, null on the last) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                ocpiId: string;
                                name: string;
                                currency: string;
                                tariff: {
                                    [key: string]: unknown;
                                };
                                idleFee: {
                                    [key: string]: unknown;
                                } | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tariff (OCPI 2.2.1 Tariff object) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description An OCPI 2.2.1 Tariff object */
                        tariff: {
                            id: string;
                            currency: string;
                            elements: ({
                                price_components: ({
                                    type: string;
                                    price: number | string;
                                    step_size: number;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        };
                        idleFee?: {
                            pricePerHour: string;
                            stepSeconds: number;
                            vatPercent?: string;
                            startTime?: string;
                            endTime?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ocpiId: string;
                            name: string;
                            currency: string;
                            tariff: {
                                [key: string]: unknown;
                            };
                            idleFee: {
                                [key: string]: unknown;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tariff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ocpiId: string;
                            name: string;
                            currency: string;
                            tariff: {
                                [key: string]: unknown;
                            };
                            idleFee: {
                                [key: string]: unknown;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace a tariff (past CDRs keep the version they were priced with) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description An OCPI 2.2.1 Tariff object */
                        tariff: {
                            id: string;
                            currency: string;
                            elements: ({
                                price_components: ({
                                    type: string;
                                    price: number | string;
                                    step_size: number;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        };
                        idleFee?: {
                            pricePerHour: string;
                            stepSeconds: number;
                            vatPercent?: string;
                            startTime?: string;
                            endTime?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ocpiId: string;
                            name: string;
                            currency: string;
                            tariff: {
                                [key: string]: unknown;
                            };
                            idleFee: {
                                [key: string]: unknown;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a tariff and its assignments */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the tariff is assigned */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                tariffId: string;
                                scope: string;
                                siteId: string | null;
                                stationId: string | null;
                                evseId: number | null;
                                customerGroup: string;
                                groupRef: string | null;
                                /** Format: date-time */
                                validFrom: string;
                                validTo: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Assign the tariff to the tenant, a site, a station or an EVSE for a customer group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scope: "tenant" | "site" | "station" | "evse";
                        siteId?: string;
                        stationId?: string;
                        evseId?: number;
                        customerGroup: "public" | "members" | "fleet" | "roaming";
                        /** @description Fleet contract id or roaming partner party id */
                        groupRef?: string;
                        /** Format: date-time */
                        validFrom?: string;
                        /** Format: date-time */
                        validTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            tariffId: string;
                            scope: string;
                            siteId: string | null;
                            stationId: string | null;
                            evseId: number | null;
                            customerGroup: string;
                            groupRef: string | null;
                            /** Format: date-time */
                            validFrom: string;
                            validTo: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs/assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an assignment */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Push dynamic prices (e.g. day-ahead): each entry replaces the price of a dimension between two instants */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entries: {
                            dimension: "ENERGY" | "TIME" | "PARKING_TIME";
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            /** @description Price per unit excl. VAT */
                            price: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stored: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a sample session would cost under this tariff, with the explanation of every line */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description IANA zone the restrictions are read in, e.g. Europe/Amsterdam */
                        timeZone: string;
                        /** @description Tax jurisdiction for components without VAT */
                        country?: string;
                        region?: string;
                        intervals: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            state: "reservation" | "charging" | "parking";
                            energyWh?: number | string;
                            powerKw?: number | string;
                            currentA?: number | string;
                        }[];
                        reservationExpired?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/evses/{evseId}/tariff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tariff a driver is shown at an EVSE before starting */
        get: {
            parameters: {
                query: {
                    group: "public" | "members" | "fleet" | "roaming";
                    groupRef?: string;
                };
                header?: never;
                path: {
                    id: string;
                    evseId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cdrs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charge detail records, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    sessionId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cdrs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A CDR with the pricing explanation of every line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cdrs/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a credit CDR against a CDR (the whole remaining amount unless an amount is given); the CDR itself never changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        amount?: {
                            exclVat: string;
                            inclVat?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices, statements and credit notes, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    kind?: "invoice" | "statement" | "credit_note";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Issue the invoice of one session (its debit CDR and the credit CDRs against it not yet invoiced); numbered without gaps */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cdrId: string;
                        customer?: {
                            name?: string;
                            /** Format: email */
                            email?: string;
                            address?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice with its lines (one per CDR) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invoice as a PDF with the tenant's branding */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a periodic statement: the uninvoiced CDRs of a token or of every token of a group token (fleet, contract) that ended in [from, to) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        idToken?: string;
                        groupIdToken?: string;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        customer?: {
                            name?: string;
                            /** Format: email */
                            email?: string;
                            address?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/credit-note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Credit an invoice with a credit note (its own gapless series): everything left, or `amount` (gross) of one line; several partial credits never exceed the invoice, which never changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @description Gross amount to credit (incl. VAT); absent: everything left */
                        amount?: string;
                        /** @description The invoice line credited; needed when more than one line has an amount left */
                        lineNo?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the invoice (to the address given, else the customer's) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/billing-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller printed on invoices, credit notes and receipts: legal name, VAT id, address */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Set the seller printed on invoices, credit notes and receipts (replaces the whole profile) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalName: string;
                        vatId: string | null;
                        address: string[];
                        email: string | null;
                        phone: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/revenue-by-site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Revenue per site and currency of the invoices and credit notes issued in [from, to), as CSV */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sessions vs CDRs vs invoices vs payments of [from, to): every mismatch listed with the ids that explain it */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/tax": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tax per country and VAT rate of the invoices and credit notes issued in [from, to), as CSV */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ad-hoc payments, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund (part of) a captured payment through its provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/evses/{evseId}/pay-qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** QR code of the EVSE's ad-hoc payment page (/pay/{stationId}/{evseId}) for its label */
        get: {
            parameters: {
                query: {
                    format: "png" | "svg";
                    size: number;
                };
                header?: never;
                path: {
                    id: string;
                    evseId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/pay-labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable sheet of /pay QR labels, one per EVSE of the site (HTML) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live stream of domain events (server-sent events), resumable
         * @description Server-sent events (`text/event-stream`) of the tenant's domain events: station.*, session.*,
         *     command.*, remote-start.*, reservation.*, token.*, webhook.* ...
         *
         *     Each message has `id: <event id>`, `event: <type>` and `data: {"type", "tenantId", "stationId", "at", "data"}`.
         *     A comment line (`: heartbeat`) is sent every 15 s.
         *
         *     **Resuming**: send the last id received as the `Last-Event-ID` header (browsers' EventSource does it on
         *     reconnect) or as `?lastEventId=`. The stored events after it are replayed in order, then live events
         *     follow without gap or duplicate. At most 10,000 events are replayed per connection; when more are
         *     waiting the stream ends after them, and reconnecting with the last id continues.
         *
         *     A client that does not read fast enough is disconnected; reconnect with Last-Event-ID.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated event types or prefixes, e.g. station.*,session.ended (default: all) */
                    types?: string;
                    /** @description Only the events of this station */
                    stationId?: string;
                    /** @description Resume after this event id (alternative to the Last-Event-ID header) */
                    lastEventId?: string;
                };
                header?: {
                    /** @description Resume after this event id */
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An endless text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: id, url, enabled, createdAt. Default id. A cursor is valid only with the sort it was made under.
                     * @example id
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                url: string;
                                eventTypes: string[];
                                description: string | null;
                                enabled: boolean;
                                disabledReason: string | null;
                                consecutiveFailures: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe an endpoint to events (the signing secret is in this response only)
         * @description Each event is POSTed as JSON `{"id", "type", "at", "stationId", "data"}` with the headers
         *     `ChargeOps-Event-Id`, `ChargeOps-Event-Type`, `ChargeOps-Delivery-Id`, `ChargeOps-Timestamp` (unix seconds) and
         *     `ChargeOps-Signature: t=<timestamp>,v1=<signature>`. Any 2xx answer within 10 s is a success; anything else
         *     (redirects included) is retried with exponential backoff (about 10 s, 30 s, 2 min, 10 min, 1 h, 6 h, 12 h), and
         *     after 20 failed attempts in a row the webhook is disabled (event `webhook.disabled`). Deliveries may arrive
         *     more than once and out of order: de-duplicate on `ChargeOps-Event-Id`.
         *
         *     **Verifying a delivery**: take `t` and `v1` from `ChargeOps-Signature`; compute
         *     `hex(HMAC-SHA256(secret, t + "." + rawBody))` over the raw request body exactly as received (before any JSON
         *     parsing); compare it with `v1` in constant time; refuse the delivery when `t` is more than 5 minutes away from
         *     your clock. In Node.js:
         *
         *     ```js
         *     const [t, v1] = header.split(',').map((part) => part.split('=')[1]);
         *     const expected = crypto.createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
         *     const valid = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(v1)) && Math.abs(Date.now() / 1000 - Number(t)) < 300;
         *     ```
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http:// or https:// endpoint that receives POSTs */
                        url: string;
                        /** @description Event types to receive: exact (session.ended), a prefix (station.*) or '*' for all */
                        eventTypes: string[];
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description: string | null;
                            enabled: boolean;
                            disabledReason: string | null;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Signing secret: shown only in this response */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook subscription */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description: string | null;
                            enabled: boolean;
                            disabledReason: string | null;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a webhook and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook: URL, event types, description; enable or disable it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: string;
                        /** @description Event types to receive: exact (session.ended), a prefix (station.*) or '*' for all */
                        eventTypes?: string[];
                        description?: string | null;
                        /** @description true re-enables a disabled webhook: its pending deliveries are sent again */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description: string | null;
                            enabled: boolean;
                            disabledReason: string | null;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log of a webhook (newest first): status, attempts, answers, errors */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    status?: "pending" | "succeeded" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                eventId: string;
                                eventType: string | null;
                                status: "pending" | "succeeded" | "failed";
                                attempts: number;
                                nextAttemptAt: string | null;
                                lastAttemptAt: string | null;
                                lastStatusCode: number | null;
                                lastError: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, whatever its status (a delivery whose attempts were used up gets one more) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            eventId: string;
                            eventType: string | null;
                            status: "pending" | "succeeded" | "failed";
                            attempts: number;
                            nextAttemptAt: string | null;
                            lastAttemptAt: string | null;
                            lastStatusCode: number | null;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log (newest first): who changed what, when, from where */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    actorId?: string;
                    /** @description Exact action, e.g. POST /api/v1/stations/:id/reset */
                    action?: string;
                    targetType?: string;
                    targetId?: string;
                    /** @description Inclusive */
                    from?: string;
                    /** @description Exclusive */
                    to?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: id, at, action, actorId, targetType. Default -id. A cursor is valid only with the sort it was made under.
                     * @example -id
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description api-key, user or system */
                                actorType: string;
                                actorId: string | null;
                                /** @description e.g. PATCH /api/v1/stations/:id, or command CancelReservation for a system job */
                                action: string;
                                targetType: string | null;
                                targetId: string | null;
                                /** Format: date-time */
                                at: string;
                                remoteAddress: string | null;
                                /** @description Updates and deletes: the resource before the change, as the caller could read it (secrets redacted) */
                                before: unknown;
                                /** @description Updates: the resource after (unchanged when refused); deletes: null; other calls: the request body (secrets redacted) */
                                after: unknown;
                                /** @description statusCode, route params, query, created id, request (the body of an update), beforeReadStatus... */
                                details: unknown;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tokens by value */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    type?: string;
                    blocked?: boolean;
                    groupIdToken?: string;
                    /** @description Part of the value or owner */
                    search?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: idToken, type, owner, createdAt, updatedAt. Default idToken. A cursor is valid only with the sort it was made under.
                     * @example idToken
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                idToken: string;
                                type: string;
                                groupIdToken: string | null;
                                blocked: boolean;
                                expiresAt: string | null;
                                language: string | null;
                                owner: string | null;
                                masterPass: boolean;
                                /** @description The token's own status now */
                                status: "Accepted" | "Blocked" | "Expired";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token value (RFID UID, eMAID, key code, ...): unique per tenant, compared case-insensitively */
                        idToken: string;
                        /** @description ISO14443, ISO15693, KeyCode, Local, MacAddress, eMAID, Central, NoAuthorization, or an OCPP 2.1 type */
                        type: string;
                        /** @description Value of the group token (C09); OCPP 1.6 parentIdTag */
                        groupIdToken?: string | null;
                        blocked?: boolean;
                        /** Format: date-time */
                        expiresAt?: string | null;
                        /** @description RFC 5646 tag, e.g. en, nl-BE */
                        language?: string | null;
                        owner?: string | null;
                        /** @description May stop any transaction (C16) */
                        masterPass?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            idToken: string;
                            type: string;
                            groupIdToken: string | null;
                            blocked: boolean;
                            expiresAt: string | null;
                            language: string | null;
                            owner: string | null;
                            masterPass: boolean;
                            /** @description The token's own status now */
                            status: "Accepted" | "Blocked" | "Expired";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the token may charge (empty: anywhere) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the token may charge; empty: anywhere */
                            locations: {
                                stationId: string;
                                /** @description 0 or absent: every EVSE of the station */
                                evseId?: number;
                            }[];
                        };
                    };
                };
            };
        };
        /** Limit the token to stations or EVSEs (NotAtThisLocation elsewhere; 1.6 Invalid); an empty list lifts the limit */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Where the token may charge; empty: anywhere */
                        locations: {
                            stationId: string;
                            /** @description 0 or absent: every EVSE of the station */
                            evseId?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the token may charge; empty: anywhere */
                            locations: {
                                stationId: string;
                                /** @description 0 or absent: every EVSE of the station */
                                evseId?: number;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export every token as CSV (columns idToken,type,groupIdToken,blocked,expiresAt,language,owner,masterPass) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            idToken: string;
                            type: string;
                            groupIdToken: string | null;
                            blocked: boolean;
                            expiresAt: string | null;
                            language: string | null;
                            owner: string | null;
                            masterPass: boolean;
                            /** @description The token's own status now */
                            status: "Accepted" | "Blocked" | "Expired";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a token (it leaves every local list) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a token (local lists that carry it are updated) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token value (RFID UID, eMAID, key code, ...): unique per tenant, compared case-insensitively */
                        idToken?: string;
                        /** @description ISO14443, ISO15693, KeyCode, Local, MacAddress, eMAID, Central, NoAuthorization, or an OCPP 2.1 type */
                        type?: string;
                        /** @description Value of the group token (C09); OCPP 1.6 parentIdTag */
                        groupIdToken?: string | null;
                        blocked?: boolean;
                        /** Format: date-time */
                        expiresAt?: string | null;
                        /** @description RFC 5646 tag, e.g. en, nl-BE */
                        language?: string | null;
                        owner?: string | null;
                        /** @description May stop any transaction (C16) */
                        masterPass?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            idToken: string;
                            type: string;
                            groupIdToken: string | null;
                            blocked: boolean;
                            expiresAt: string | null;
                            language: string | null;
                            owner: string | null;
                            masterPass: boolean;
                            /** @description The token's own status now */
                            status: "Accepted" | "Blocked" | "Expired";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stations/{id}/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Authorization settings of a station */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            authCacheEnabled: boolean | null;
                            localListEnabled: boolean;
                            /** @description The list version the station acknowledged */
                            localListVersion: number;
                            localListSyncedAt: string | null;
                            localListSyncError: string | null;
                        };
                    };
                };
            };
        };
        /**
         * Set the authorization cache and local list policy of a station
         * @description Stored, then applied when the station is connected (1.6 ChangeConfiguration AuthorizationCacheEnabled / LocalAuthListEnabled; 2.x SetVariables AuthCacheCtrlr.Enabled / LocalAuthListCtrlr.Enabled) with the station's answers; applied again each time it connects.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        authCacheEnabled?: boolean | null;
                        localListEnabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                stationId: string;
                                authCacheEnabled: boolean | null;
                                localListEnabled: boolean;
                                /** @description The list version the station acknowledged */
                                localListVersion: number;
                                localListSyncedAt: string | null;
                                localListSyncError: string | null;
                            };
                            /** @description The station's answer per setting; null when it is offline (applied when it connects) */
                            applied: {
                                setting: string;
                                status: string;
                                detail: string | null;
                            }[] | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/authorization/clear-cache": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear the station's authorization cache (ClearCache) and return its answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            /** @description Accepted or Rejected */
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/local-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The local list: desired members, what the station acknowledged, version, last sync and error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            settings: {
                                stationId: string;
                                authCacheEnabled: boolean | null;
                                localListEnabled: boolean;
                                /** @description The list version the station acknowledged */
                                localListVersion: number;
                                localListSyncedAt: string | null;
                                localListSyncError: string | null;
                            };
                            /** @description The station does not hold the desired list yet */
                            pending: boolean;
                            members: {
                                tokenId: string;
                                idToken: string;
                                entry: {
                                    type: string;
                                    status: string;
                                    expiresAt: string | null;
                                    groupIdToken: string | null;
                                    groupIdTokenType: string | null;
                                    language: string | null;
                                };
                                state: "synced" | "pending" | "skipped";
                                skippedReason: string | null;
                            }[];
                            pendingRemovals: string[];
                        };
                    };
                };
            };
        };
        /** Replace the members of the station's local list (synced now if connected, else when it connects) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Tokens by id or by value; replaces the desired list */
                        members: ({
                            tokenId: string;
                        } | {
                            idToken: string;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            settings: {
                                stationId: string;
                                authCacheEnabled: boolean | null;
                                localListEnabled: boolean;
                                /** @description The list version the station acknowledged */
                                localListVersion: number;
                                localListSyncedAt: string | null;
                                localListSyncError: string | null;
                            };
                            /** @description The station does not hold the desired list yet */
                            pending: boolean;
                            members: {
                                tokenId: string;
                                idToken: string;
                                entry: {
                                    type: string;
                                    status: string;
                                    expiresAt: string | null;
                                    groupIdToken: string | null;
                                    groupIdTokenType: string | null;
                                    language: string | null;
                                };
                                state: "synced" | "pending" | "skipped";
                                skippedReason: string | null;
                            }[];
                            pendingRemovals: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/local-list/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the station what its list lacks (SendLocalList) and wait for its answers
         * @description Differential by default; full=true resends the whole list. 409 when the station is offline (the list stays pending).
         */
        post: {
            parameters: {
                query: {
                    full: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            /** @description Accepted, UpToDate, Failed, NotSupported, VersionMismatch, Timeout, CallError, ... */
                            status: string;
                            detail: string | null;
                            version: number;
                            messages: {
                                updateType: string;
                                version: number;
                                entries: number;
                                status: string;
                            }[];
                            skipped: {
                                idToken: string;
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}/local-list/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ask the station its local list version (GetLocalListVersion), next to the one it acknowledged to us */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationVersion: number | null;
                            supported: boolean;
                            /** @description The version it last acknowledged to us */
                            acknowledgedVersion: number;
                            inSync: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charging sessions, newest first (filters: station, token, status, start time) */
        get: {
            parameters: {
                query: {
                    stationId?: string;
                    idToken?: string;
                    status?: "active" | "completed" | "closed";
                    /** @description Sessions started at or after */
                    from?: string;
                    /** @description Sessions started before */
                    to?: string;
                    limit: number;
                    cursor?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: startedAt, updatedAt, createdAt, energyWh, stationId, status. Default -startedAt. A cursor is valid only with the sort it was made under.
                     * @example -startedAt
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string;
                                /** @description 0 while the EVSE is not known */
                                evseId: number;
                                connectorId: number | null;
                                ocppVersion: string;
                                /** @description The protocol transaction id: the CSMS integer (1.6) or the station string (2.x) */
                                transactionId: string;
                                status: "active" | "completed" | "closed";
                                idToken: string | null;
                                idTokenType: string | null;
                                groupIdToken: string | null;
                                authorizationStatus: string | null;
                                authorizationMethod: string | null;
                                reservationId: number | null;
                                remoteStartId: number | null;
                                /** Format: date-time */
                                startedAt: string;
                                endedAt: string | null;
                                meterStartWh: string | null;
                                meterStopWh: string | null;
                                /** @description Wh as an exact decimal string */
                                energyWh: string;
                                lastMeterAt: string | null;
                                chargingState: string | null;
                                stoppedReason: string | null;
                                lastSeqNo: number | null;
                                hadOfflineEvents: boolean;
                                anomalyCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sessions matching the filters as CSV (text/csv, a header line, newest first) */
        get: {
            parameters: {
                query?: {
                    stationId?: string;
                    idToken?: string;
                    status?: "active" | "completed" | "closed";
                    /** @description Sessions started at or after */
                    from?: string;
                    /** @description Sessions started before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session with every event in order, its meter series, anomalies and the commands sent for it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            session: {
                                id: string;
                                stationId: string;
                                /** @description 0 while the EVSE is not known */
                                evseId: number;
                                connectorId: number | null;
                                ocppVersion: string;
                                /** @description The protocol transaction id: the CSMS integer (1.6) or the station string (2.x) */
                                transactionId: string;
                                status: "active" | "completed" | "closed";
                                idToken: string | null;
                                idTokenType: string | null;
                                groupIdToken: string | null;
                                authorizationStatus: string | null;
                                authorizationMethod: string | null;
                                reservationId: number | null;
                                remoteStartId: number | null;
                                /** Format: date-time */
                                startedAt: string;
                                endedAt: string | null;
                                meterStartWh: string | null;
                                meterStopWh: string | null;
                                /** @description Wh as an exact decimal string */
                                energyWh: string;
                                lastMeterAt: string | null;
                                chargingState: string | null;
                                stoppedReason: string | null;
                                lastSeqNo: number | null;
                                hadOfflineEvents: boolean;
                                anomalyCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            events: {
                                id: string;
                                /** @description StartTransaction, StopTransaction, MeterValues (1.6); Started, Updated, Ended (2.x); Closed (CSMS) */
                                kind: string;
                                seqNo: number | null;
                                triggerReason: string | null;
                                offline: boolean;
                                /** Format: date-time */
                                occurredAt: string;
                                /** Format: date-time */
                                receivedAt: string;
                                dedupeKey: string | null;
                                payload: unknown;
                            }[];
                            meterSeries: {
                                measurand: string;
                                phase: string | null;
                                location: string | null;
                                unit: string | null;
                                points: {
                                    /** Format: date-time */
                                    at: string;
                                    value: string | null;
                                    context: string | null;
                                    /** @description Signed meter data exactly as received (1.6 SignedData value, 2.x signedMeterValue) */
                                    signed: unknown;
                                }[];
                            }[];
                            anomalies: {
                                kind: string;
                                /** Format: date-time */
                                at: string;
                                detail: string;
                            }[];
                            commands: {
                                id: string;
                                action: string;
                                payload: unknown;
                                outcome: string | null;
                                response: unknown;
                                requestedBy: string | null;
                                /** Format: date-time */
                                sentAt: string;
                                answeredAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tenants the key may see: every tenant for a platform key, else its own tenant and its sub-operators */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    /** @description Only the sub-operators of this tenant */
                    parentId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                parentId: string | null;
                                status: "active" | "suspended";
                                displayName: string | null;
                                logo: string | null;
                                primaryColor: string | null;
                                accentColor: string | null;
                                hosts: string[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant (platform key) or a white-label sub-operator (under the key's tenant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Lower-case letters, digits and dashes */
                        id: string;
                        name: string;
                        parentId?: string | null;
                        status?: "active" | "suspended";
                        hosts?: string[];
                        displayName?: string | null;
                        logo?: string | null;
                        primaryColor?: string | null;
                        accentColor?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parentId: string | null;
                            status: "active" | "suspended";
                            displayName: string | null;
                            logo: string | null;
                            primaryColor: string | null;
                            accentColor: string | null;
                            hosts: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant with its branding and host names */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parentId: string | null;
                            status: "active" | "suspended";
                            displayName: string | null;
                            logo: string | null;
                            primaryColor: string | null;
                            accentColor: string | null;
                            hosts: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a tenant: name, branding, host names, status (not its own status) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        status?: "active" | "suspended";
                        hosts?: string[];
                        displayName?: string | null;
                        logo?: string | null;
                        primaryColor?: string | null;
                        accentColor?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parentId: string | null;
                            status: "active" | "suspended";
                            displayName: string | null;
                            logo: string | null;
                            primaryColor: string | null;
                            accentColor: string | null;
                            hosts: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public: the branding of the tenant that owns the request's Host name (the platform's own otherwise) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenantId: string | null;
                            name: string;
                            displayName: string | null;
                            logo: string | null;
                            primaryColor: string | null;
                            accentColor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the dashboard: sets the session cookie, returns the CSRF token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        totpCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @description null for platform users */
                                tenantId: string | null;
                                role: string;
                                siteIds: string[] | null;
                                totpEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                            };
                            /** @description Send as X-CSRF-Token on every request that is not GET/HEAD/OPTIONS */
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session server-side and clears the cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in (cookie or API key), their tenant, role and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @description null for platform users */
                                tenantId: string | null;
                                role: string;
                                siteIds: string[] | null;
                                totpEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                            } | null;
                            apiKey: {
                                id: string;
                                name: string;
                            } | null;
                            tenant: {
                                id: string;
                                name: string;
                                displayName: string;
                                branding: {
                                    logo: string | null;
                                    primaryColor: string | null;
                                    accentColor: string | null;
                                };
                            } | null;
                            role: string;
                            permissions: string[];
                            csrfToken: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password reset link (always 202: does not tell whether the email has an account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token of a reset link; ends every session of the user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        /** @description 12 to 256 characters */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: creates the account and signs it in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        name: string;
                        /** @description 12 to 256 characters */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @description null for platform users */
                                tenantId: string | null;
                                role: string;
                                siteIds: string[] | null;
                                totpEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                            };
                            /** @description Send as X-CSRF-Token on every request that is not GET/HEAD/OPTIONS */
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password: needs the current one; ends every session and signs this one in again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description 12 to 256 characters */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @description null for platform users */
                                tenantId: string | null;
                                role: string;
                                siteIds: string[] | null;
                                totpEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                            };
                            /** @description Send as X-CSRF-Token on every request that is not GET/HEAD/OPTIONS */
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: the secret and otpauth:// URL (shown this once); confirm with a code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            otpauthUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP enrolment with a current code: sign-in needs a code from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The 6-digit code of the authenticator app */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn the second factor off (needs a current code) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The 6-digit code of the authenticator app */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                    limit: number;
                    cursor?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: id, email, name, role, createdAt, lastLoginAt. Default id. A cursor is valid only with the sort it was made under.
                     * @example id
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                name: string;
                                /** @description null for platform users */
                                tenantId: string | null;
                                role: string;
                                siteIds: string[] | null;
                                totpEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user with an initial password (or invite them: POST /users/invitations) */
        post: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address (case-insensitive, unique per deployment) */
                        email: string;
                        name: string;
                        /** @description Role (see the permission matrix in the README) */
                        role: "platform-admin" | "tenant-admin" | "operator" | "support" | "technician" | "finance" | "viewer" | "site-host";
                        /** @description The sites the user may see (technicians and site hosts need them); null: not site-scoped */
                        siteIds?: null | string[];
                        /** @description 12 to 256 characters */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @description null for platform users */
                            tenantId: string | null;
                            role: string;
                            siteIds: string[] | null;
                            totpEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations */
        get: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                role: string | null;
                                tenantId: string | null;
                                siteIds: string[] | null;
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by email: the link lets them choose a name and password */
        post: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address (case-insensitive, unique per deployment) */
                        email: string;
                        /** @description Role (see the permission matrix in the README) */
                        role: "platform-admin" | "tenant-admin" | "operator" | "support" | "technician" | "finance" | "viewer" | "site-host";
                        /** @description The sites the user may see (technicians and site hosts need them); null: not site-scoped */
                        siteIds?: null | string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invitation: {
                                id: string;
                                email: string;
                                role: string | null;
                                tenantId: string | null;
                                siteIds: string[] | null;
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                            };
                            /** @description false when no SMTP server is configured */
                            emailSent: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation */
        delete: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user */
        get: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @description null for platform users */
                            tenantId: string | null;
                            role: string;
                            siteIds: string[] | null;
                            totpEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a user (their sessions end) */
        delete: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a user: name, role, site scope, password (role, scope and password changes end their sessions) */
        patch: {
            parameters: {
                query?: {
                    /** @description The platform's own users instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description Role (see the permission matrix in the README) */
                        role?: "platform-admin" | "tenant-admin" | "operator" | "support" | "technician" | "finance" | "viewer" | "site-host";
                        /** @description The sites the user may see (technicians and site hosts need them); null: not site-scoped */
                        siteIds?: null | string[];
                        /** @description 12 to 256 characters */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @description null for platform users */
                            tenantId: string | null;
                            role: string;
                            siteIds: string[] | null;
                            totpEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys (never their secrets), revoked ones included */
        get: {
            parameters: {
                query?: {
                    /** @description Platform keys instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: name, role, createdAt, lastUsedAt. Default -createdAt. A cursor is valid only with the sort it was made under.
                     * @example -createdAt
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @description The first characters of the secret, to tell keys apart */
                                prefix: string;
                                tenantId: string | null;
                                role: string;
                                /** @description The permission list the key was narrowed to; null: its role's */
                                scope: string[] | null;
                                /** @description What the key may do */
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key: the secret is in this answer only */
        post: {
            parameters: {
                query?: {
                    /** @description Platform keys instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description Default viewer */
                        role?: "platform-admin" | "tenant-admin" | "operator" | "support" | "technician" | "finance" | "viewer" | "site-host";
                        /** @description Narrow the key to these permissions of its role */
                        permissions?: null | ("stations:read" | "stations:write" | "commands:read" | "commands:send" | "sessions:read" | "reservations:read" | "reservations:write" | "tokens:read" | "tokens:write" | "sites:read" | "sites:write" | "health:read" | "health:write" | "energy:read" | "energy:write" | "events:read" | "webhooks:read" | "webhooks:manage" | "audit:read" | "finance:read" | "finance:write" | "users:read" | "users:manage" | "api-keys:manage" | "tenants:read" | "tenants:manage" | "platform:manage")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: {
                                id: string;
                                name: string;
                                /** @description The first characters of the secret, to tell keys apart */
                                prefix: string;
                                tenantId: string | null;
                                role: string;
                                /** @description The permission list the key was narrowed to; null: its role's */
                                scope: string[] | null;
                                /** @description What the key may do */
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            };
                            /** @description Send as "Authorization: Bearer <secret>"; not retrievable later */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (at once, for every request after this one) */
        delete: {
            parameters: {
                query?: {
                    /** @description Platform keys instead of a tenant's (platform administrators only) */
                    platform?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sites (by id unless ?sort= says otherwise) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    country?: string;
                    /**
                     * @description Sort by one field, ascending, or descending with a leading "-". One of: id, name, country, city, createdAt, updatedAt. Default id. A cursor is valid only with the sort it was made under.
                     * @example id
                     */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                street: string | null;
                                postalCode: string | null;
                                city: string | null;
                                country: string;
                                region: string | null;
                                latitude: number | null;
                                longitude: number | null;
                                timeZone: string;
                                openingHours: {
                                    regular: {
                                        /** @description ISO weekday, 1 = Monday */
                                        weekday: number;
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        begin: string;
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        end: string;
                                    }[];
                                    exceptions?: {
                                        date: string;
                                        /** @description Empty: closed that day */
                                        periods: {
                                            /** @description HH:MM local time; an end may be 24:00 */
                                            begin: string;
                                            /** @description HH:MM local time; an end may be 24:00 */
                                            end: string;
                                        }[];
                                    }[];
                                } | null;
                                host: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description ISO 3166-1 alpha-2 (tax jurisdiction, OCPI country) */
                        country: string;
                        street?: string | null;
                        postalCode?: string | null;
                        city?: string | null;
                        region?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        /** @description IANA zone, e.g. Europe/Amsterdam */
                        timeZone?: string;
                        openingHours?: {
                            regular: {
                                /** @description ISO weekday, 1 = Monday */
                                weekday: number;
                                /** @description HH:MM local time; an end may be 24:00 */
                                begin: string;
                                /** @description HH:MM local time; an end may be 24:00 */
                                end: string;
                            }[];
                            exceptions?: {
                                date: string;
                                /** @description Empty: closed that day */
                                periods: {
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    begin: string;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    end: string;
                                }[];
                            }[];
                        } | null;
                        host?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            street: string | null;
                            postalCode: string | null;
                            city: string | null;
                            country: string;
                            region: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timeZone: string;
                            openingHours: {
                                regular: {
                                    /** @description ISO weekday, 1 = Monday */
                                    weekday: number;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    begin: string;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    end: string;
                                }[];
                                exceptions?: {
                                    date: string;
                                    /** @description Empty: closed that day */
                                    periods: {
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        begin: string;
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        end: string;
                                    }[];
                                }[];
                            } | null;
                            host: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site with its stations and its connectors counted by status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            street: string | null;
                            postalCode: string | null;
                            city: string | null;
                            country: string;
                            region: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timeZone: string;
                            openingHours: {
                                regular: {
                                    /** @description ISO weekday, 1 = Monday */
                                    weekday: number;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    begin: string;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    end: string;
                                }[];
                                exceptions?: {
                                    date: string;
                                    /** @description Empty: closed that day */
                                    periods: {
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        begin: string;
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        end: string;
                                    }[];
                                }[];
                            } | null;
                            host: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            stationCount: number;
                            /** @description The first 200 stations by id; page through GET /api/v1/stations?siteId= for all */
                            stations: {
                                id: string;
                                displayName: string | null;
                                online: boolean;
                                registrationStatus: string;
                            }[];
                            /** @description Connectors of the site's stations by occupancy (Available, Occupied, ...), as last reported */
                            connectorsByStatus: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a site without stations (409 site_has_stations otherwise) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a site (the whole site is re-validated) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        street?: string | null;
                        postalCode?: string | null;
                        city?: string | null;
                        /** @description ISO 3166-1 alpha-2 (tax jurisdiction, OCPI country) */
                        country?: string;
                        region?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        /** @description IANA zone, e.g. Europe/Amsterdam */
                        timeZone?: string;
                        openingHours?: {
                            regular: {
                                /** @description ISO weekday, 1 = Monday */
                                weekday: number;
                                /** @description HH:MM local time; an end may be 24:00 */
                                begin: string;
                                /** @description HH:MM local time; an end may be 24:00 */
                                end: string;
                            }[];
                            exceptions?: {
                                date: string;
                                /** @description Empty: closed that day */
                                periods: {
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    begin: string;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    end: string;
                                }[];
                            }[];
                        } | null;
                        host?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            street: string | null;
                            postalCode: string | null;
                            city: string | null;
                            country: string;
                            region: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timeZone: string;
                            openingHours: {
                                regular: {
                                    /** @description ISO weekday, 1 = Monday */
                                    weekday: number;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    begin: string;
                                    /** @description HH:MM local time; an end may be 24:00 */
                                    end: string;
                                }[];
                                exceptions?: {
                                    date: string;
                                    /** @description Empty: closed that day */
                                    periods: {
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        begin: string;
                                        /** @description HH:MM local time; an end may be 24:00 */
                                        end: string;
                                    }[];
                                }[];
                            } | null;
                            host: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stations/{id}/site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The site a station stands at (null: not placed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            siteId: string | null;
                        };
                    };
                };
            };
        };
        /** Place a station at a site of the same tenant (siteId null: at no site) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        siteId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            siteId: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work orders, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    stationId?: string;
                    status?: "open" | "assigned" | "in-progress" | "done" | "cancelled";
                    technicianUserId?: string;
                    incidentId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string;
                                evseId: number | null;
                                incidentId: string | null;
                                scheduleId: string | null;
                                title: string;
                                instructions: string;
                                /** @description open | assigned | in-progress | done | cancelled */
                                status: string;
                                technicianUserId: string | null;
                                checklist: {
                                    item: string;
                                    done: boolean;
                                }[];
                                notes: {
                                    at: string;
                                    by: string;
                                    text: string;
                                }[];
                                dueAt: string | null;
                                onSiteSince: string | null;
                                /** @description Time on site of finished visits */
                                onSiteMs: number;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                closedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a work order (with an incidentId: moves the incident to technician-dispatched) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stationId: string;
                        evseId?: number | null;
                        incidentId?: string | null;
                        title: string;
                        instructions?: string;
                        checklist?: string[];
                        technicianUserId?: string | null;
                        dueAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            evseId: number | null;
                            incidentId: string | null;
                            scheduleId: string | null;
                            title: string;
                            instructions: string;
                            /** @description open | assigned | in-progress | done | cancelled */
                            status: string;
                            technicianUserId: string | null;
                            checklist: {
                                item: string;
                                done: boolean;
                            }[];
                            notes: {
                                at: string;
                                by: string;
                                text: string;
                            }[];
                            dueAt: string | null;
                            onSiteSince: string | null;
                            /** @description Time on site of finished visits */
                            onSiteMs: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A work order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            evseId: number | null;
                            incidentId: string | null;
                            scheduleId: string | null;
                            title: string;
                            instructions: string;
                            /** @description open | assigned | in-progress | done | cancelled */
                            status: string;
                            technicianUserId: string | null;
                            checklist: {
                                item: string;
                                done: boolean;
                            }[];
                            notes: {
                                at: string;
                                by: string;
                                text: string;
                            }[];
                            dueAt: string | null;
                            onSiteSince: string | null;
                            /** @description Time on site of finished visits */
                            onSiteMs: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Assign, tick checklist items, add a note, change status (done/cancelled close it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        status?: "open" | "assigned" | "in-progress" | "done" | "cancelled";
                        technicianUserId?: string | null;
                        note?: string;
                        checklist?: {
                            index: number;
                            done: boolean;
                        }[];
                        dueAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            evseId: number | null;
                            incidentId: string | null;
                            scheduleId: string | null;
                            title: string;
                            instructions: string;
                            /** @description open | assigned | in-progress | done | cancelled */
                            status: string;
                            technicianUserId: string | null;
                            checklist: {
                                item: string;
                                done: boolean;
                            }[];
                            notes: {
                                at: string;
                                by: string;
                                text: string;
                            }[];
                            dueAt: string | null;
                            onSiteSince: string | null;
                            /** @description Time on site of finished visits */
                            onSiteMs: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/work-orders/{id}/on-site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start or stop time on site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: "start" | "stop";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            evseId: number | null;
                            incidentId: string | null;
                            scheduleId: string | null;
                            title: string;
                            instructions: string;
                            /** @description open | assigned | in-progress | done | cancelled */
                            status: string;
                            technicianUserId: string | null;
                            checklist: {
                                item: string;
                                done: boolean;
                            }[];
                            notes: {
                                at: string;
                                by: string;
                                text: string;
                            }[];
                            dueAt: string | null;
                            onSiteSince: string | null;
                            /** @description Time on site of finished visits */
                            onSiteMs: number;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attachments of a work order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                workOrderId: string;
                                fileName: string;
                                contentType: string;
                                sizeBytes: number;
                                uploadedBy: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Attach a photo, PDF or text file (base64, at most 512 KiB) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fileName: string;
                        /** @enum {string} */
                        contentType: "image/jpeg" | "image/png" | "application/pdf" | "text/plain";
                        contentBase64: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            workOrderId: string;
                            fileName: string;
                            contentType: string;
                            sizeBytes: number;
                            uploadedBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Maintenance windows, newest first (from/to: overlapping that period) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    stationId?: string;
                    siteId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string | null;
                                siteId: string | null;
                                evseId: number | null;
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                reason: string;
                                workOrderId: string | null;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Plan a maintenance window for a station, one EVSE of it, or a site: downtime in it is excluded and alerts are held */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stationId?: string | null;
                        siteId?: string | null;
                        evseId?: number | null;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        reason?: string;
                        workOrderId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            evseId: number | null;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            reason: string;
                            workOrderId: string | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A maintenance window */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            evseId: number | null;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            reason: string;
                            workOrderId: string | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a running window now (a window not started yet is cancelled) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            evseId: number | null;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            reason: string;
                            workOrderId: string | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/excluded-outages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outages recorded as outside the operator's control (NEVI T_excluded), newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    stationId?: string;
                    siteId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string | null;
                                siteId: string | null;
                                evseId: number | null;
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                cause: string;
                                note: string;
                                recordedBy: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record an outage cause excluded from uptime (utility interruption, vehicle fault, vandalism, natural disaster, outside opening hours) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stationId?: string | null;
                        siteId?: string | null;
                        evseId?: number | null;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        /**
                         * @description 23 CFR 680.116(b)(3) causes outside the operator's control
                         * @enum {string}
                         */
                        cause: "utility-interruption" | "vehicle-fault" | "vandalism" | "natural-disaster" | "outside-operating-hours";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            evseId: number | null;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            cause: string;
                            note: string;
                            recordedBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/excluded-outages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a recorded excluded outage */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preventive maintenance schedules */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string | null;
                                siteId: string | null;
                                title: string;
                                instructions: string;
                                recurrence: string;
                                checklist: string[];
                                technicianUserId: string | null;
                                leadMinutes: number;
                                active: boolean;
                                lastGeneratedFor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a preventive maintenance schedule for a station or every station of a site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stationId?: string | null;
                        siteId?: string | null;
                        title: string;
                        instructions?: string;
                        /** @description RFC 5545 DTSTART + RRULE, e.g. "DTSTART:20260101T080000Z\nRRULE:FREQ=MONTHLY;INTERVAL=3" */
                        recurrence: string;
                        checklist?: string[];
                        technicianUserId?: string | null;
                        leadMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            title: string;
                            instructions: string;
                            recurrence: string;
                            checklist: string[];
                            technicianUserId: string | null;
                            leadMinutes: number;
                            active: boolean;
                            lastGeneratedFor: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule with its next occurrences */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            title: string;
                            instructions: string;
                            recurrence: string;
                            checklist: string[];
                            technicianUserId: string | null;
                            leadMinutes: number;
                            active: boolean;
                            lastGeneratedFor: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            upcoming: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a schedule (its work orders stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Pause or resume a schedule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string | null;
                            siteId: string | null;
                            title: string;
                            instructions: string;
                            recurrence: string;
                            checklist: string[];
                            technicianUserId: string | null;
                            leadMinutes: number;
                            active: boolean;
                            lastGeneratedFor: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/reliability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Uptime (NEVI, 23 CFR 680.116(b)), charge success rate, MTBF, MTTR, MTTD for a port, station, site or the network */
        get: {
            parameters: {
                query: {
                    scope: "network" | "site" | "station" | "port";
                    /** @description Site id (scope=site) or station id (scope=station|port) */
                    id?: string;
                    /** @description The port (EVSE) for scope=port */
                    evseId?: number;
                    /** @description Start (inclusive): an ISO date-time, or a date (local midnight in timeZone) */
                    from: string;
                    /** @description End (exclusive): an ISO date-time, or a date (local midnight in timeZone) */
                    to: string;
                    /** @description IANA zone for dates and daily buckets (default UTC) */
                    timeZone?: string;
                    /** @description Add figures per local day (23 h and 25 h on daylight-saving days) */
                    buckets?: "day";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: string;
                            id: string | null;
                            evseId: number | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            figures: {
                                ports: number;
                                /** @description Port-time in service in the period */
                                observedMs: number;
                                /** @description T_outage: port-time unable to start a session (offline, Faulted, Unavailable) */
                                outageMs: number;
                                /** @description T_excluded: outage covered by maintenance windows or recorded excluded causes */
                                excludedMs: number;
                                excludedByCause: {
                                    [key: string]: number;
                                };
                                /** @description T_outage − T_excluded */
                                downMs: number;
                                uptimePercent: number | null;
                                failures: number;
                                mtbfMs: number | null;
                                mttrMs: number | null;
                                mttdMs: number | null;
                                repairSource: "incidents" | "outages";
                                sessions: {
                                    attempted: number;
                                    succeeded: number;
                                    failed: number;
                                    pending: number;
                                    successPercent: number | null;
                                };
                            };
                            /** @description Per port, for scope=station|port */
                            ports: {
                                stationId: string;
                                evseId: number;
                                observedMs: number;
                                outageMs: number;
                                excludedMs: number;
                                downMs: number;
                                uptimePercent: number | null;
                                failures: number;
                                attempted: number;
                                succeeded: number;
                            }[];
                            days?: {
                                date: string;
                                figures: {
                                    ports: number;
                                    /** @description Port-time in service in the period */
                                    observedMs: number;
                                    /** @description T_outage: port-time unable to start a session (offline, Faulted, Unavailable) */
                                    outageMs: number;
                                    /** @description T_excluded: outage covered by maintenance windows or recorded excluded causes */
                                    excludedMs: number;
                                    excludedByCause: {
                                        [key: string]: number;
                                    };
                                    /** @description T_outage − T_excluded */
                                    downMs: number;
                                    uptimePercent: number | null;
                                    failures: number;
                                    mtbfMs: number | null;
                                    mttrMs: number | null;
                                    mttdMs: number | null;
                                    repairSource: "incidents" | "outages";
                                    sessions: {
                                        attempted: number;
                                        succeeded: number;
                                        failed: number;
                                        pending: number;
                                        successPercent: number | null;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reliability/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The most fault-prone ports, stations and models in a period (most failures, then most downtime) */
        get: {
            parameters: {
                query: {
                    /** @description Start (inclusive): an ISO date-time, or a date (local midnight in timeZone) */
                    from: string;
                    /** @description End (exclusive): an ISO date-time, or a date (local midnight in timeZone) */
                    to: string;
                    /** @description IANA zone for dates and daily buckets (default UTC) */
                    timeZone?: string;
                    siteId?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ports: {
                                stationId: string;
                                evseId: number | null;
                                vendor: string | null;
                                model: string | null;
                                failures: number;
                                downMs: number;
                                uptimePercent: number | null;
                            }[];
                            stations: {
                                stationId: string;
                                evseId: number | null;
                                vendor: string | null;
                                model: string | null;
                                failures: number;
                                downMs: number;
                                uptimePercent: number | null;
                            }[];
                            models: {
                                vendor: string | null;
                                model: string | null;
                                ports: number;
                                failures: number;
                                failuresPerPort: number;
                                downMs: number;
                                uptimePercent: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/energy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site's energy configuration: topology, strategy, options, latest readings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            siteId: string;
                            strategy: "equal-share" | "priority" | "earliest-departure" | "cost-aware";
                            voltageV: number;
                            circuits: {
                                id: string;
                                parentId: string | null;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                maxCurrentA?: number | number[];
                                maxPowerKw?: number;
                            }[];
                            evses: {
                                stationId: string;
                                /** @description 2.x EVSE id; 1.6 connector id */
                                evseId: number;
                                circuitId: string;
                                phases: 1 | 2 | 3;
                                /** @description Which site phase feeds the EVSE's L1, L2, L3 (R = L1, S = L2, T = L3) */
                                phaseRotation?: "RST" | "RTS" | "SRT" | "STR" | "TRS" | "TSR";
                                maxCurrentA: number;
                                minCurrentA?: number;
                            }[];
                            options: {
                                minChangeA: number;
                                debounceMs: number;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                reservedSiteLoadA: number | number[];
                                leaseSeconds: number;
                                tickSeconds: number;
                            };
                            readings: {
                                /** @description Non-EV load per phase (A) from the site meter; negative = export */
                                siteLoadA?: number | number[];
                                siteLoadCircuitId?: string;
                                pvProductionKw?: number;
                                battery?: {
                                    circuitId?: string;
                                    capacityKwh: number;
                                    socPct: number;
                                    minSocPct?: number;
                                    maxDischargeKw: number;
                                    maxChargeKw: number;
                                };
                            } | null;
                            readingsAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /**
         * Describe a site's electrical topology and strategy (replaces the whole configuration)
         * @description Grid connection -> nested circuits -> EVSEs, per-phase A and/or kW limits. Refused with invalid_energy_config (and every problem listed) on a cycle, two grid connections, an unknown circuit or station, a station of another site, negative limits.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        strategy: "equal-share" | "priority" | "earliest-departure" | "cost-aware";
                        voltageV?: number;
                        circuits: {
                            id: string;
                            parentId: string | null;
                            /** @description One value for every phase, or [L1, L2, L3] */
                            maxCurrentA?: number | number[];
                            maxPowerKw?: number;
                        }[];
                        evses: {
                            stationId: string;
                            /** @description 2.x EVSE id; 1.6 connector id */
                            evseId: number;
                            circuitId: string;
                            phases: 1 | 2 | 3;
                            /** @description Which site phase feeds the EVSE's L1, L2, L3 (R = L1, S = L2, T = L3) */
                            phaseRotation?: "RST" | "RTS" | "SRT" | "STR" | "TRS" | "TSR";
                            maxCurrentA: number;
                            minCurrentA?: number;
                        }[];
                        options?: {
                            minChangeA?: number;
                            debounceMs?: number;
                            /** @description One value for every phase, or [L1, L2, L3] */
                            reservedSiteLoadA?: number | number[];
                            leaseSeconds?: number;
                            tickSeconds?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            siteId: string;
                            strategy: "equal-share" | "priority" | "earliest-departure" | "cost-aware";
                            voltageV: number;
                            circuits: {
                                id: string;
                                parentId: string | null;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                maxCurrentA?: number | number[];
                                maxPowerKw?: number;
                            }[];
                            evses: {
                                stationId: string;
                                /** @description 2.x EVSE id; 1.6 connector id */
                                evseId: number;
                                circuitId: string;
                                phases: 1 | 2 | 3;
                                /** @description Which site phase feeds the EVSE's L1, L2, L3 (R = L1, S = L2, T = L3) */
                                phaseRotation?: "RST" | "RTS" | "SRT" | "STR" | "TRS" | "TSR";
                                maxCurrentA: number;
                                minCurrentA?: number;
                            }[];
                            options: {
                                minChangeA: number;
                                debounceMs: number;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                reservedSiteLoadA: number | number[];
                                leaseSeconds: number;
                                tickSeconds: number;
                            };
                            readings: {
                                /** @description Non-EV load per phase (A) from the site meter; negative = export */
                                siteLoadA?: number | number[];
                                siteLoadCircuitId?: string;
                                pvProductionKw?: number;
                                battery?: {
                                    circuitId?: string;
                                    capacityKwh: number;
                                    socPct: number;
                                    minSocPct?: number;
                                    maxDischargeKw: number;
                                    maxChargeKw: number;
                                };
                            } | null;
                            readingsAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Stop load management at a site (profiles on stations stay until they expire) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/energy/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Push the site meter reading (non-EV load), PV production and battery state */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Non-EV load per phase (A) from the site meter; negative = export */
                        siteLoadA?: number | number[];
                        siteLoadCircuitId?: string;
                        pvProductionKw?: number;
                        battery?: {
                            circuitId?: string;
                            capacityKwh: number;
                            socPct: number;
                            minSocPct?: number;
                            maxDischargeKw: number;
                            maxChargeKw: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            siteId: string;
                            strategy: "equal-share" | "priority" | "earliest-departure" | "cost-aware";
                            voltageV: number;
                            circuits: {
                                id: string;
                                parentId: string | null;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                maxCurrentA?: number | number[];
                                maxPowerKw?: number;
                            }[];
                            evses: {
                                stationId: string;
                                /** @description 2.x EVSE id; 1.6 connector id */
                                evseId: number;
                                circuitId: string;
                                phases: 1 | 2 | 3;
                                /** @description Which site phase feeds the EVSE's L1, L2, L3 (R = L1, S = L2, T = L3) */
                                phaseRotation?: "RST" | "RTS" | "SRT" | "STR" | "TRS" | "TSR";
                                maxCurrentA: number;
                                minCurrentA?: number;
                            }[];
                            options: {
                                minChangeA: number;
                                debounceMs: number;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                reservedSiteLoadA: number | number[];
                                leaseSeconds: number;
                                tickSeconds: number;
                            };
                            readings: {
                                /** @description Non-EV load per phase (A) from the site meter; negative = export */
                                siteLoadA?: number | number[];
                                siteLoadCircuitId?: string;
                                pvProductionKw?: number;
                                battery?: {
                                    circuitId?: string;
                                    capacityKwh: number;
                                    socPct: number;
                                    minSocPct?: number;
                                    maxDischargeKw: number;
                                    maxChargeKw: number;
                                };
                            } | null;
                            readingsAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/energy/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grid signals (dynamic external caps) of a site */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Who sent it: a grid operator, an energy manager */
                                source?: string;
                                /** @description Default: the grid connection */
                                circuitId?: string;
                                /** Format: date-time */
                                validFrom?: string;
                                /** Format: date-time */
                                validUntil?: string;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                maxCurrentA?: number | number[];
                                maxPowerKw?: number;
                                /** @description Offsets from validFrom; the last period started gives the cap */
                                schedule?: {
                                    startOffsetSeconds: number;
                                    /** @description One value for every phase, or [L1, L2, L3] */
                                    maxCurrentA?: number | number[];
                                    maxPowerKw?: number;
                                }[];
                                id: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a grid signal (a cap with a schedule and an expiry); the site is re-allocated before the answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Who sent it: a grid operator, an energy manager */
                        source?: string;
                        /** @description Default: the grid connection */
                        circuitId?: string;
                        /** Format: date-time */
                        validFrom?: string;
                        /** Format: date-time */
                        validUntil?: string;
                        /** @description One value for every phase, or [L1, L2, L3] */
                        maxCurrentA?: number | number[];
                        maxPowerKw?: number;
                        /** @description Offsets from validFrom; the last period started gives the cap */
                        schedule?: {
                            startOffsetSeconds: number;
                            /** @description One value for every phase, or [L1, L2, L3] */
                            maxCurrentA?: number | number[];
                            maxPowerKw?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Who sent it: a grid operator, an energy manager */
                            source?: string;
                            /** @description Default: the grid connection */
                            circuitId?: string;
                            /** Format: date-time */
                            validFrom?: string;
                            /** Format: date-time */
                            validUntil?: string;
                            /** @description One value for every phase, or [L1, L2, L3] */
                            maxCurrentA?: number | number[];
                            maxPowerKw?: number;
                            /** @description Offsets from validFrom; the last period started gives the cap */
                            schedule?: {
                                startOffsetSeconds: number;
                                /** @description One value for every phase, or [L1, L2, L3] */
                                maxCurrentA?: number | number[];
                                maxPowerKw?: number;
                            }[];
                            id: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/energy/signals/{signalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a grid signal */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    signalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/energy/allocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live site energy view: cap vs load per circuit and phase, each EVSE's limit and why, what its station accepted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            siteId: string;
                            strategy: "equal-share" | "priority" | "earliest-departure" | "cost-aware";
                            computedAt: string | null;
                            evses: {
                                /** @description <stationId>/<evseId> */
                                evseId: string;
                                sessionId: string | null;
                                limitA: number;
                                phases: number;
                                sitePhases: string[];
                                /** @description Why the EVSE got its limit: kind (constraint, ev-max, evse-max, min-current-starvation, ...) and its details */
                                reason: {
                                    [key: string]: unknown;
                                };
                                dispatched: {
                                    limitA: number;
                                    fallbackA: number | null;
                                    status: string;
                                    appliedA: number | null;
                                    chargingProfileId: number | null;
                                    /** Format: date-time */
                                    updatedAt: string;
                                } | null;
                            }[];
                            /** @description Cap vs allocated load per circuit and phase (A) or power (kW) */
                            constraints: {
                                circuitId: string;
                                phase: string;
                                source: string;
                                signalId?: string;
                                cap: number;
                                load: number;
                                overloaded: boolean;
                            }[];
                            batteryDischargeKw: number;
                            /** @description What is drawn: each charging EVSE's latest measured current (Current.Import per phase, else Power.Active.Import; at most 15 minutes old) on the site's phases, summed per circuit with the site meter's non-EV load. Beside the caps and the allocated load in constraints */
                            measured: {
                                circuits: {
                                    circuitId: string;
                                    /** @description [L1, L2, L3] site phases, A */
                                    currentA: number[];
                                    /** @description Charging EVSEs on the circuit and below */
                                    charging: number;
                                    /** @description How many of them have a sample (the others are not in currentA) */
                                    measured: number;
                                    oldestSampleAt: string | null;
                                }[];
                                evses: {
                                    evseId: string;
                                    sessionId: string;
                                    currentA: number[];
                                    /** Format: date-time */
                                    sampledAt: string;
                                }[];
                            };
                            /** @description The station maximum (ChargePointMaxProfile / ChargingStationMaxProfile, A per phase) each station of the site accepted; a station without one has not accepted it yet. Their sum holds the cap while ChargeOps is unreachable */
                            stationMaxima: {
                                stationId: string;
                                limitA: number;
                                /** Format: date-time */
                                acceptedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/energy/reallocate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-allocate the site now and dispatch the changed limits */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/smart-charging/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's charging profile library */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                profile: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a profile (TxDefaultProfile or ChargePointMaxProfile) to the library */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description ChargePointMaxProfile is sent as ChargingStationMaxProfile to 2.x stations */
                        purpose: "TxDefaultProfile" | "ChargePointMaxProfile" | "TxProfile";
                        stackLevel: number;
                        kind: "Absolute" | "Relative" | "Recurring";
                        recurrencyKind?: "Daily" | "Weekly";
                        /** Format: date-time */
                        startSchedule?: string;
                        durationS?: number;
                        unit: "A" | "W";
                        periods: {
                            startPeriod: number;
                            limit: number;
                            numberPhases?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            profile: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/smart-charging/profiles/{profileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A library profile (with its ETag) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    profileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            profile: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a profile from the library */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    profileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a library profile (If-Match supported: 412 precondition_failed when stale)
         * @description The fields given replace the stored ones (null removes startSchedule, durationS or recurrencyKind); the result is checked as a whole (invalid_charging_profile lists every problem). Stations that hold the profile keep the old one until it is applied again.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    profileId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description ChargePointMaxProfile is sent as ChargingStationMaxProfile to 2.x stations */
                        purpose?: "TxDefaultProfile" | "ChargePointMaxProfile" | "TxProfile";
                        stackLevel?: number;
                        kind?: "Absolute" | "Relative" | "Recurring";
                        recurrencyKind?: ("Daily" | "Weekly") | null;
                        startSchedule?: string | null;
                        durationS?: number | null;
                        unit?: "A" | "W";
                        periods?: {
                            startPeriod: number;
                            limit: number;
                            numberPhases?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            profile: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/smart-charging/profiles/{profileId}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a library profile to a station (SetChargingProfile) and return its answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    profileId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stationId: string;
                        /** @description 0: the whole station */
                        evseId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            commandId: string;
                            response: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    /** @description A status, a comma-separated list, or "working" (every status but resolved/auto-resolved) */
                    status?: string;
                    stationId?: string;
                    severity?: "critical" | "major" | "minor" | "info";
                    siteId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                stationId: string;
                                evseId: number | null;
                                connectorId: number | null;
                                status: "open" | "acknowledged" | "remote-troubleshooting" | "technician-dispatched" | "resolved" | "auto-resolved";
                                severity: "critical" | "major" | "minor" | "info";
                                rule: string;
                                code: string | null;
                                title: string;
                                /** Format: date-time */
                                openedAt: string;
                                /**
                                 * Format: date-time
                                 * @description When the fault started (e.g. the disconnect)
                                 */
                                detectedAt: string;
                                acknowledgedAt: string | null;
                                remoteStartedAt: string | null;
                                dispatchedAt: string | null;
                                resolvedAt: string | null;
                                resolution: string | null;
                                resolvedBy: ("person" | "automation") | null;
                                /** @description The knowledge base explanation of the fault code, when there is one */
                                kb: unknown;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident with its alerts and timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            evseId: number | null;
                            connectorId: number | null;
                            status: "open" | "acknowledged" | "remote-troubleshooting" | "technician-dispatched" | "resolved" | "auto-resolved";
                            severity: "critical" | "major" | "minor" | "info";
                            rule: string;
                            code: string | null;
                            title: string;
                            /** Format: date-time */
                            openedAt: string;
                            /**
                             * Format: date-time
                             * @description When the fault started (e.g. the disconnect)
                             */
                            detectedAt: string;
                            acknowledgedAt: string | null;
                            remoteStartedAt: string | null;
                            dispatchedAt: string | null;
                            resolvedAt: string | null;
                            resolution: string | null;
                            resolvedBy: ("person" | "automation") | null;
                            /** @description The knowledge base explanation of the fault code, when there is one */
                            kb: unknown;
                            alerts: {
                                id: string;
                                incidentId: string;
                                stationId: string;
                                evseId: number | null;
                                connectorId: number | null;
                                rule: string;
                                severity: "critical" | "major" | "minor" | "info";
                                code: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                raisedAt: string;
                                /** Format: date-time */
                                detectedAt: string;
                                clearedAt: string | null;
                            }[];
                            timeline: {
                                id: string;
                                /** Format: date-time */
                                at: string;
                                kind: string;
                                actor: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an incident forward (acknowledged, remote-troubleshooting, technician-dispatched, resolved); 409 invalid_transition otherwise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to: "open" | "acknowledged" | "remote-troubleshooting" | "technician-dispatched" | "resolved" | "auto-resolved";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            stationId: string;
                            evseId: number | null;
                            connectorId: number | null;
                            status: "open" | "acknowledged" | "remote-troubleshooting" | "technician-dispatched" | "resolved" | "auto-resolved";
                            severity: "critical" | "major" | "minor" | "info";
                            rule: string;
                            code: string | null;
                            title: string;
                            /** Format: date-time */
                            openedAt: string;
                            /**
                             * Format: date-time
                             * @description When the fault started (e.g. the disconnect)
                             */
                            detectedAt: string;
                            acknowledgedAt: string | null;
                            remoteStartedAt: string | null;
                            dispatchedAt: string | null;
                            resolvedAt: string | null;
                            resolution: string | null;
                            resolvedBy: ("person" | "automation") | null;
                            /** @description The knowledge base explanation of the fault code, when there is one */
                            kb: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's detection rules, SLA clocks and notification lists (defaults until changed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                offline: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    windowSeconds: number;
                                    silenceSeconds: number | null;
                                };
                                flapping: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    disconnects: number;
                                    windowMinutes: number;
                                };
                                "failed-starts": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    threshold: number;
                                };
                                "no-energy": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    threshold: number;
                                };
                                "stuck-status": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    minutes: number;
                                    afterSessionMinutes: number | null;
                                };
                                "meter-stalled": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    minutes: number;
                                };
                                "stuck-transaction": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    minutes: number;
                                };
                                faulted: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                };
                                unavailable: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    graceSeconds: number;
                                };
                                "clock-drift": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    toleranceSeconds: number;
                                };
                            };
                            sla: {
                                detectMinutes: number;
                                remoteMinutes: number;
                                dispatchMinutes: number;
                            };
                            notifications: {
                                recipients: string[];
                                escalation: string[];
                                minSeverity: "critical" | "major" | "minor" | "info";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change detection rules, SLA clocks or notification lists (422 invalid_health_rules) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Deep-merged over the current settings, then the whole is validated. Rules: offline, flapping, failed-starts, no-energy, stuck-status, meter-stalled, stuck-transaction, faulted, unavailable, clock-drift */
            requestBody: {
                content: {
                    "application/json": {
                        rules?: {
                            offline?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                windowSeconds?: number;
                                silenceSeconds?: number | null;
                            };
                            flapping?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                disconnects?: number;
                                windowMinutes?: number;
                            };
                            "failed-starts"?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                threshold?: number;
                            };
                            "no-energy"?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                threshold?: number;
                            };
                            "stuck-status"?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                minutes?: number;
                                afterSessionMinutes?: number | null;
                            };
                            "meter-stalled"?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                minutes?: number;
                            };
                            "stuck-transaction"?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                minutes?: number;
                            };
                            faulted?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                            };
                            unavailable?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                graceSeconds?: number;
                            };
                            "clock-drift"?: {
                                enabled?: boolean;
                                severity?: "critical" | "major" | "minor" | "info";
                                toleranceSeconds?: number;
                            };
                        };
                        sla?: {
                            detectMinutes?: number;
                            remoteMinutes?: number;
                            dispatchMinutes?: number;
                        };
                        notifications?: {
                            recipients?: string[];
                            escalation?: string[];
                            minSeverity?: "critical" | "major" | "minor" | "info";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                offline: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    windowSeconds: number;
                                    silenceSeconds: number | null;
                                };
                                flapping: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    disconnects: number;
                                    windowMinutes: number;
                                };
                                "failed-starts": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    threshold: number;
                                };
                                "no-energy": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    threshold: number;
                                };
                                "stuck-status": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    minutes: number;
                                    afterSessionMinutes: number | null;
                                };
                                "meter-stalled": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    minutes: number;
                                };
                                "stuck-transaction": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    minutes: number;
                                };
                                faulted: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                };
                                unavailable: {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    graceSeconds: number;
                                };
                                "clock-drift": {
                                    enabled: boolean;
                                    severity: "critical" | "major" | "minor" | "info";
                                    toleranceSeconds: number;
                                };
                            };
                            sla: {
                                detectMinutes: number;
                                remoteMinutes: number;
                                dispatchMinutes: number;
                            };
                            notifications: {
                                recipients: string[];
                                escalation: string[];
                                minSeverity: "critical" | "major" | "minor" | "info";
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stations/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A station's active alerts and working incidents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            online: boolean;
                            alerts: {
                                id: string;
                                incidentId: string;
                                stationId: string;
                                evseId: number | null;
                                connectorId: number | null;
                                rule: string;
                                severity: "critical" | "major" | "minor" | "info";
                                code: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                raisedAt: string;
                                /** Format: date-time */
                                detectedAt: string;
                                clearedAt: string | null;
                            }[];
                            incidents: {
                                id: string;
                                stationId: string;
                                evseId: number | null;
                                connectorId: number | null;
                                status: "open" | "acknowledged" | "remote-troubleshooting" | "technician-dispatched" | "resolved" | "auto-resolved";
                                severity: "critical" | "major" | "minor" | "info";
                                rule: string;
                                code: string | null;
                                title: string;
                                /** Format: date-time */
                                openedAt: string;
                                /**
                                 * Format: date-time
                                 * @description When the fault started (e.g. the disconnect)
                                 */
                                detectedAt: string;
                                acknowledgedAt: string | null;
                                remoteStartedAt: string | null;
                                dispatchedAt: string | null;
                                resolvedAt: string | null;
                                resolution: string | null;
                                resolvedBy: ("person" | "automation") | null;
                                /** @description The knowledge base explanation of the fault code, when there is one */
                                kb: unknown;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of the network by state, energy today and per-site counts (aggregates only; site-scoped users see their sites) */
        get: {
            parameters: {
                query?: {
                    /** @description Start of "today" for the energy (the caller's local midnight); default UTC midnight */
                    since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stations: {
                                total: number;
                                online: number;
                                offline: number;
                            };
                            /** @description Connectors of online stations by last reported status (charging wins over occupied; an EVSE-level status counts only where no connector of the EVSE reported) */
                            connectors: {
                                available: number;
                                charging: number;
                                occupied: number;
                                reserved: number;
                                faulted: number;
                                unavailable: number;
                                other: number;
                            };
                            energyToday: {
                                /** Format: date-time */
                                since: string;
                                /** @description Energy of the sessions started since `since`, Wh (decimal string) */
                                energyWh: string;
                                sessions: number;
                            };
                            /** @description Every site in scope with its own counts (for the map) */
                            sites: {
                                id: string;
                                name: string;
                                latitude: null | number;
                                longitude: null | number;
                                stations: number;
                                online: number;
                                /** @description Connectors of online stations by last reported status (charging wins over occupied; an EVSE-level status counts only where no connector of the EVSE reported) */
                                connectors: {
                                    available: number;
                                    charging: number;
                                    occupied: number;
                                    reserved: number;
                                    faulted: number;
                                    unavailable: number;
                                    other: number;
                                };
                            }[];
                            /** @description Stations placed at no site */
                            unplaced: {
                                stations: number;
                                online: number;
                            };
                            /** Format: date-time */
                            generatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge-base/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Knowledge base entries, seed and the tenant's own (by id) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    origin?: "seed" | "tenant";
                    vendor?: string;
                    errorCode?: string;
                    vendorErrorCode?: string;
                    component?: string;
                    /** @description Text in the id, meaning or probable cause */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description seed: shipped with ChargeOps (read-only); tenant: yours */
                                origin: "seed" | "tenant";
                                vendor: null | string;
                                modelPattern: null | string;
                                firmwareMin: null | string;
                                firmwareMax: null | string;
                                ocppVersion: null | string;
                                errorCode: null | string;
                                vendorId: null | string;
                                vendorErrorCode: null | string;
                                component: null | string;
                                variable: null | string;
                                eventCode: null | string;
                                meaning: string;
                                severity: "critical" | "major" | "minor" | "info";
                                probableCause: string;
                                remoteAction: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                                technicianInstructions: string;
                                source: string;
                                createdAt: string | null;
                                updatedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a tenant entry (it beats seed entries for the same fault) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        vendor?: null | string;
                        modelPattern?: null | string;
                        firmwareMin?: null | string;
                        firmwareMax?: null | string;
                        ocppVersion?: null | string;
                        errorCode?: null | string;
                        vendorId?: null | string;
                        vendorErrorCode?: null | string;
                        component?: null | string;
                        variable?: null | string;
                        eventCode?: null | string;
                        meaning: string;
                        severity: "critical" | "major" | "minor" | "info";
                        probableCause: string;
                        remoteAction: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                        technicianInstructions: string;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description seed: shipped with ChargeOps (read-only); tenant: yours */
                            origin: "seed" | "tenant";
                            vendor: null | string;
                            modelPattern: null | string;
                            firmwareMin: null | string;
                            firmwareMax: null | string;
                            ocppVersion: null | string;
                            errorCode: null | string;
                            vendorId: null | string;
                            vendorErrorCode: null | string;
                            component: null | string;
                            variable: null | string;
                            eventCode: null | string;
                            meaning: string;
                            severity: "critical" | "major" | "minor" | "info";
                            probableCause: string;
                            remoteAction: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                            technicianInstructions: string;
                            source: string;
                            createdAt: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge-base/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A knowledge base entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description seed: shipped with ChargeOps (read-only); tenant: yours */
                            origin: "seed" | "tenant";
                            vendor: null | string;
                            modelPattern: null | string;
                            firmwareMin: null | string;
                            firmwareMax: null | string;
                            ocppVersion: null | string;
                            errorCode: null | string;
                            vendorId: null | string;
                            vendorErrorCode: null | string;
                            component: null | string;
                            variable: null | string;
                            eventCode: null | string;
                            meaning: string;
                            severity: "critical" | "major" | "minor" | "info";
                            probableCause: string;
                            remoteAction: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                            technicianInstructions: string;
                            source: string;
                            createdAt: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a tenant entry */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a tenant entry (If-Match supported; seed entries are read-only) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        vendor?: null | string;
                        modelPattern?: null | string;
                        firmwareMin?: null | string;
                        firmwareMax?: null | string;
                        ocppVersion?: null | string;
                        errorCode?: null | string;
                        vendorId?: null | string;
                        vendorErrorCode?: null | string;
                        component?: null | string;
                        variable?: null | string;
                        eventCode?: null | string;
                        meaning?: string;
                        severity?: "critical" | "major" | "minor" | "info";
                        probableCause?: string;
                        remoteAction?: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                        technicianInstructions?: string;
                        source?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description seed: shipped with ChargeOps (read-only); tenant: yours */
                            origin: "seed" | "tenant";
                            vendor: null | string;
                            modelPattern: null | string;
                            firmwareMin: null | string;
                            firmwareMax: null | string;
                            ocppVersion: null | string;
                            errorCode: null | string;
                            vendorId: null | string;
                            vendorErrorCode: null | string;
                            component: null | string;
                            variable: null | string;
                            eventCode: null | string;
                            meaning: string;
                            severity: "critical" | "major" | "minor" | "info";
                            probableCause: string;
                            remoteAction: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                            technicianInstructions: string;
                            source: string;
                            createdAt: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/knowledge-base/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the knowledge base says about a fault (the entry that would explain it; not counted as a sighting) */
        get: {
            parameters: {
                query: {
                    ocppVersion: string;
                    vendor?: string;
                    model?: string;
                    firmware?: string;
                    errorCode?: string;
                    vendorId?: string;
                    vendorErrorCode?: string;
                    component?: string;
                    variable?: string;
                    eventCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            explanation: {
                                entryId: string;
                                meaning: string;
                                severity: "critical" | "major" | "minor" | "info";
                                probableCause: string;
                                remoteAction: "none" | "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                                technicianInstructions: string;
                                source: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge-base/unknown-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Codes stations sent that no entry explains, most frequent first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    vendor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                fingerprint: string;
                                vendor: string | null;
                                model: string | null;
                                firmware: string | null;
                                ocppVersion: string;
                                errorCode: string | null;
                                vendorId: string | null;
                                vendorErrorCode: string | null;
                                component: string | null;
                                variable: string | null;
                                eventCode: string | null;
                                count: number;
                                /** @description Distinct stations that sent it */
                                stations: number;
                                /** Format: date-time */
                                firstSeenAt: string;
                                /** Format: date-time */
                                lastSeenAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Self-healing playbooks (the defaults are seeded on first use) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                enabled: boolean;
                                trigger: {
                                    /** @description Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule */
                                    rules: string[];
                                    /** @description The alert's fault code (e.g. GroundFailure, CX017); empty: any */
                                    codes?: string[];
                                    severities?: ("critical" | "major" | "minor" | "info")[];
                                    /** @description Wait after the alert before the first step; a fault that clears meanwhile is left alone */
                                    delaySeconds?: number;
                                };
                                /** @description In escalation order; work-order, if any, last */
                                steps: {
                                    action: "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                                    /** @description Wait after the action, then check whether the incident cleared */
                                    waitSeconds: number;
                                }[];
                                /** @description false (default): a reset, unlock or transaction stop is skipped while a car charges */
                                allowDuringSession: boolean;
                                cooldownSeconds: number;
                                /** @description Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order */
                                maxAttempts: number;
                                attemptWindowSeconds: number;
                                /** @description Lower first when several playbooks match */
                                priority: number;
                                seedKey: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a playbook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        trigger: {
                            /** @description Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule */
                            rules: string[];
                            /** @description The alert's fault code (e.g. GroundFailure, CX017); empty: any */
                            codes?: string[];
                            severities?: ("critical" | "major" | "minor" | "info")[];
                            /** @description Wait after the alert before the first step; a fault that clears meanwhile is left alone */
                            delaySeconds?: number;
                        };
                        /** @description In escalation order; work-order, if any, last */
                        steps: {
                            action: "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                            /** @description Wait after the action, then check whether the incident cleared */
                            waitSeconds: number;
                        }[];
                        enabled?: boolean;
                        /** @description false (default): a reset, unlock or transaction stop is skipped while a car charges */
                        allowDuringSession?: boolean;
                        cooldownSeconds?: number;
                        /** @description Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order */
                        maxAttempts?: number;
                        attemptWindowSeconds?: number;
                        /** @description Lower first when several playbooks match */
                        priority?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            enabled: boolean;
                            trigger: {
                                /** @description Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule */
                                rules: string[];
                                /** @description The alert's fault code (e.g. GroundFailure, CX017); empty: any */
                                codes?: string[];
                                severities?: ("critical" | "major" | "minor" | "info")[];
                                /** @description Wait after the alert before the first step; a fault that clears meanwhile is left alone */
                                delaySeconds?: number;
                            };
                            /** @description In escalation order; work-order, if any, last */
                            steps: {
                                action: "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                                /** @description Wait after the action, then check whether the incident cleared */
                                waitSeconds: number;
                            }[];
                            /** @description false (default): a reset, unlock or transaction stop is skipped while a car charges */
                            allowDuringSession: boolean;
                            cooldownSeconds: number;
                            /** @description Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order */
                            maxAttempts: number;
                            attemptWindowSeconds: number;
                            /** @description Lower first when several playbooks match */
                            priority: number;
                            seedKey: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Playbook runs, newest first, with every step, command id and outcome */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    stationId?: string;
                    incidentId?: string;
                    playbookId?: string;
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                playbookId: string;
                                incidentId: string;
                                stationId: string;
                                evseId: number | null;
                                connectorId: number | null;
                                rule: string;
                                /** @description running | resolved | work-order | gave-up | skipped | failed | interrupted */
                                status: string;
                                reason: string | null;
                                steps: {
                                    index: number;
                                    action: string;
                                    /** Format: date-time */
                                    startedAt: string;
                                    commandId: string | null;
                                    /** @description accepted | rejected | failed | no-answer | skipped-session | skipped-no-session | skipped-not-applicable | work-order-opened */
                                    outcome: string;
                                    detail: string | null;
                                    cleared: boolean | null;
                                    checkedAt: string | null;
                                }[];
                                workOrderId: string | null;
                                /** Format: date-time */
                                startedAt: string;
                                finishedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Share of incidents resolved without a person, from the playbook runs started in [from, to) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            runs: number;
                            /** @description Incidents a playbook was asked to heal */
                            incidents: number;
                            /** @description Of those, the ones a playbook acted on (not skipped by cooldown) */
                            handled: number;
                            resolvedByAutomation: number;
                            workOrders: number;
                            gaveUp: number;
                            byStatus: {
                                [key: string]: number;
                            };
                            resolvedWithoutPersonShare: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A playbook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            enabled: boolean;
                            trigger: {
                                /** @description Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule */
                                rules: string[];
                                /** @description The alert's fault code (e.g. GroundFailure, CX017); empty: any */
                                codes?: string[];
                                severities?: ("critical" | "major" | "minor" | "info")[];
                                /** @description Wait after the alert before the first step; a fault that clears meanwhile is left alone */
                                delaySeconds?: number;
                            };
                            /** @description In escalation order; work-order, if any, last */
                            steps: {
                                action: "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                                /** @description Wait after the action, then check whether the incident cleared */
                                waitSeconds: number;
                            }[];
                            /** @description false (default): a reset, unlock or transaction stop is skipped while a car charges */
                            allowDuringSession: boolean;
                            cooldownSeconds: number;
                            /** @description Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order */
                            maxAttempts: number;
                            attemptWindowSeconds: number;
                            /** @description Lower first when several playbooks match */
                            priority: number;
                            seedKey: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a playbook (a deleted default is not seeded again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a playbook (re-validated whole; If-Match supported) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        enabled?: boolean;
                        trigger?: {
                            /** @description Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule */
                            rules: string[];
                            /** @description The alert's fault code (e.g. GroundFailure, CX017); empty: any */
                            codes?: string[];
                            severities?: ("critical" | "major" | "minor" | "info")[];
                            /** @description Wait after the alert before the first step; a fault that clears meanwhile is left alone */
                            delaySeconds?: number;
                        };
                        /** @description In escalation order; work-order, if any, last */
                        steps?: {
                            action: "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                            /** @description Wait after the action, then check whether the incident cleared */
                            waitSeconds: number;
                        }[];
                        /** @description false (default): a reset, unlock or transaction stop is skipped while a car charges */
                        allowDuringSession?: boolean;
                        cooldownSeconds?: number;
                        /** @description Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order */
                        maxAttempts?: number;
                        attemptWindowSeconds?: number;
                        /** @description Lower first when several playbooks match */
                        priority?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            enabled: boolean;
                            trigger: {
                                /** @description Detection rules (offline, failed-starts, no-energy, stuck-status, meter-stalled, faulted, unavailable, clock-drift); "*" for every rule */
                                rules: string[];
                                /** @description The alert's fault code (e.g. GroundFailure, CX017); empty: any */
                                codes?: string[];
                                severities?: ("critical" | "major" | "minor" | "info")[];
                                /** @description Wait after the alert before the first step; a fault that clears meanwhile is left alone */
                                delaySeconds?: number;
                            };
                            /** @description In escalation order; work-order, if any, last */
                            steps: {
                                action: "trigger-status" | "soft-reset" | "hard-reset" | "unlock" | "clear-transaction" | "set-inoperative" | "work-order";
                                /** @description Wait after the action, then check whether the incident cleared */
                                waitSeconds: number;
                            }[];
                            /** @description false (default): a reset, unlock or transaction stop is skipped while a car charges */
                            allowDuringSession: boolean;
                            cooldownSeconds: number;
                            /** @description Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order */
                            maxAttempts: number;
                            attemptWindowSeconds: number;
                            /** @description Lower first when several playbooks match */
                            priority: number;
                            seedKey: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tokens/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import tokens from CSV (all or nothing; upsert by value)
         * @description A header row names the columns (idToken and type required; groupIdToken, blocked, expiresAt, language, owner, masterPass optional). Any bad row rejects the whole file with 422 invalid_csv listing every line and problem; nothing is stored.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            updated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error is application/problem+json. Branch on `code` (stable, snake_case), never on title or detail. */
        Problem: {
            type: string;
            title: string;
            status: number;
            /** @enum {string} */
            code: "station_not_found" | "command_not_found" | "reservation_not_found" | "session_not_found" | "invalid_command" | "tenant_not_found" | "invalid_cursor" | "invalid_layout" | "station_exists" | "station_offline" | "invalid_station_password" | "unsupported_action" | "invalid_payload" | "webhook_not_found" | "webhook_delivery_not_found" | "invalid_webhook" | "webhook_disabled" | "invalid_event_filter" | "token_not_found" | "token_exists" | "invalid_token" | "invalid_csv" | "invalid_local_list" | "unauthorized" | "forbidden" | "not_found" | "validation_failed" | "station_timeout" | "station_call_error" | "station_invalid_response" | "station_busy" | "internal_error" | "tenant_exists" | "invalid_tenant" | "host_taken" | "site_not_found" | "invalid_site" | "site_has_stations" | "idempotency_key_reused" | "idempotency_request_in_progress" | "precondition_failed" | "rate_limited" | "invalid_sort" | "tariff_not_found" | "invalid_tariff" | "tariff_assignment_not_found" | "no_tariff" | "invalid_pricing_input" | "cdr_not_found" | "invalid_credit" | "invoice_not_found" | "invalid_invoice" | "payment_not_found" | "invalid_payment" | "payment_failed" | "billing_profile_not_found" | "invalid_payment_webhook" | "work_order_not_found" | "invalid_work_order" | "maintenance_window_not_found" | "invalid_maintenance_window" | "maintenance_schedule_not_found" | "invalid_maintenance_schedule" | "excluded_outage_not_found" | "invalid_excluded_outage" | "attachment_not_found" | "invalid_attachment" | "invalid_reliability_query" | "incident_not_found" | "invalid_transition" | "invalid_health_rules" | "kb_entry_not_found" | "invalid_kb_entry" | "playbook_not_found" | "invalid_playbook" | "energy_config_not_found" | "invalid_energy_config" | "signal_not_found" | "invalid_signal" | "charging_profile_not_found" | "invalid_charging_profile" | "invalid_credentials" | "totp_required" | "too_many_attempts" | "csrf_token_invalid" | "reset_token_invalid" | "invitation_token_invalid" | "totp_already_enabled" | "totp_not_enrolled" | "totp_code_invalid" | "user_not_found" | "user_exists" | "invalid_user" | "invitation_not_found" | "api_key_not_found" | "invalid_api_key";
            detail?: string;
        };
        /** Station */
        "def-0": {
            id: string;
            displayName: string | null;
            registrationStatus: "Accepted" | "Pending" | "Rejected";
            securityProfile: number;
            hasPassword: boolean;
            ocppVersion: string | null;
            vendor: string | null;
            model: string | null;
            serialNumber: string | null;
            firmwareVersion: string | null;
            iccid: string | null;
            imsi: string | null;
            online: boolean;
            lastBootAt: string | null;
            lastSeenAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
