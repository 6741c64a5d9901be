import Foundation
import Hummingbird
import Logging
import RapportAPI
import RapportCore
import RapportMatch
import RapportOutreach
import ServiceLifecycle

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

extension RapportRequestContext {
    /// API answers write dates as RFC 3339 strings and keys in a stable order.
    public var responseEncoder: JSONEncoder { APIDates.encoder }
}

/// The web app's page paths, which the OpenAPI document (describing the JSON API) leaves out.
public var webPagePaths: Set<String> { WebRoutes.pagePaths }

/// How the web app signs people in.
public struct WebOptions: Sendable {
    /// Bcrypt's work factor for staff passwords: 12 in production, the minimum (4) in tests.
    public var passwordCost: UInt8
    /// Whether session cookies carry `Secure`; browsers accept it on https and on 127.0.0.1 or localhost.
    public var secureCookies: Bool

    public init(passwordCost: UInt8 = 12, secureCookies: Bool = true) {
        self.passwordCost = passwordCost
        self.secureCookies = secureCookies
    }
}

/// The router with every route; used by `buildApplication` and directly by tests.
///
/// Writes made through the router are passed to `matching`, so its index follows them at once. Without `outreach`, a
/// service with the default settings is used; without `inboundSecret`, inbound e-mail answers 503.
public func buildRouter(
    records: FirmRecords, matching: MatchService, outreach: OutreachService? = nil, inboundSecret: String? = nil,
    web: WebOptions = WebOptions()
) -> Router<RapportRequestContext> {
    let records = records.observed(by: matching)
    let outreach = outreach?.observed(by: matching) ?? OutreachService(records: records, matching: matching, settings: OutreachSettings())
    let router = Router(context: RapportRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(allowed: AllowedMethods(document: OpenAPIDocument.json)))
    let hasher = PasswordHasher(cost: web.passwordCost)
    WebRoutes(
        outreach: outreach, views: .shipped,
        sessions: SessionManager(store: records.store, now: records.now, secureCookies: web.secureCookies),
        signIn: SignInService(store: records.store, hasher: hasher, now: records.now)
    ).register(on: router)
    router.get("healthz") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
    }
    router.get("readyz") { _, _ in
        let ready = await records.store.isReachable()
        let body = ready ? #"{"status":"ready"}"# : #"{"status":"database unreachable"}"#
        return Response(status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    let document = OpenAPIDocument.data
    router.get("api/v1/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }
    let api = router.group("api/v1").add(middleware: BearerAuthMiddleware(store: records.store))
    CandidateRoutes.resource(records: records).register(on: api)
    CandidateMergeRoutes.register(on: api, records: records)
    JobRoutes.resource(records: records).register(on: api)
    ClientRoutes.resource(records: records).register(on: api)
    PracticeRoutes.resource(records: records).register(on: api)
    UserRoutes.resource(records: records).register(on: api)
    SkillRoutes.register(on: api, records: records, matching: matching)
    ImportRoutes.register(on: api, records: records, matching: matching)
    ExportRoutes.register(on: api, records: records, matching: matching)
    MatchRoutes.register(on: api, matching: matching)
    OutreachRoutes.register(on: api, outreach: outreach)
    DiscoveryRoutes.register(on: api, outreach: outreach)
    PipelineRoutes.register(on: api, outreach: outreach)
    InsightRoutes.register(on: api, outreach: outreach)
    InboundRoutes.register(on: router, outreach: outreach, secret: inboundSecret)
    CandidateLinkRoutes.register(on: router, outreach: outreach)
    CandidateLinkRoutes.registerSurvey(on: router, outreach: outreach)
    return router
}

/// The whole server: the router on a configured address, logging through `logger`. `onListening` receives the
/// port actually bound (useful with port 0).
public func buildApplication(
    records: FirmRecords, matching: MatchService, outreach: OutreachService? = nil, inboundSecret: String? = nil,
    web: WebOptions = WebOptions(), configuration: ServerConfiguration, services: [any Service] = [], logger: Logger,
    onListening: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(records: records, matching: matching, outreach: outreach, inboundSecret: inboundSecret, web: web),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rapport"),
        services: services,
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
