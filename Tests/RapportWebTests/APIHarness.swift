import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RapportCore
import RapportMatch
import RapportSQLite
import RapportWeb
import Testing

/// A server over a fresh in-memory store with a small firm, an admin token and a recruiter token.
struct APIHarness: Sendable {
    let records: FirmRecords
    let matching: MatchService
    /// Every route the router serves, as `GET /api/v1/candidates/{id}`.
    let routes: [(method: String, path: String)]
    let adminToken: String
    let recruiterToken: String
    let kubernetes: Skill
    let terraform: Skill
    let practice: Practice
    let client: Client
    let recruiter: User

    static let clock = Date(timeIntervalSince1970: 1_795_000_000)

    init() async throws {
        let store = try SQLiteStore.inMemory()
        records = FirmRecords(store: store, now: { APIHarness.clock })
        practice = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps"))
        let admin = try await store.createUser(UserDetails(email: "admin@rapport.test", name: "Ada Admin", role: .admin, region: .uk))
        recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter,
                                                           region: .nz, practiceIDs: [practice.id]))
        kubernetes = try await store.createSkill(SkillDraft(name: "Kubernetes", aliases: ["k8s"], category: "devops", practiceID: practice.id))
        terraform = try await store.createSkill(SkillDraft(name: "Terraform", aliases: [], category: "devops", practiceID: practice.id))
        client = try await store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .uk))
        adminToken = try await APIToken.issue(for: admin, label: "test", store: store, now: Self.clock)
        recruiterToken = try await APIToken.issue(for: recruiter, label: "test", store: store, now: Self.clock)
        let records = records
        matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        routes = buildRouter(records: records, matching: matching).routes.map { route in
            (method: route.method.rawValue.lowercased(), path: "/" + route.path.description.split(separator: "/").joined(separator: "/"))
        }
    }

    /// Runs `body` against the router with a client that speaks JSON.
    func run(logger: Logger? = nil, _ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        var app = Application(router: buildRouter(records: records, matching: matching))
        if let logger { app.logger = logger }
        let adminToken = adminToken
        try await app.test(.router) { client in
            try await body(APIClient(client: client, token: adminToken))
        }
    }

    /// A candidate body that passes every rule; `extra` (", \"key\": value, …") replaces or adds top-level fields.
    func candidateJSON(email: String = "mere@example.com", extra: String = "") -> String {
        Self.merge("""
        {"name": "Mere Tane", "email": "\(email)", "location": {"city": "Auckland", "country": "NZ"}, "region": "NZ",
         "skills": [{"skillID": \(kubernetes.id), "level": 4, "years": 5, "lastUsed": 2026, "wantsToGrow": true}],
         "goals": {"employmentTypes": ["contract"], "minimumPay": {"minorUnits": 95000, "currency": "NZD", "unit": "day"}},
         "contactPreferences": {"maxJobPitchesPer30Days": 2}}
        """, extra)
    }

    func jobJSON(extra: String = "") -> String {
        Self.merge("""
        {"title": "Platform Engineer", "clientID": \(client.id), "location": {"city": "London", "country": "GB"}, "region": "UK",
         "remotePolicy": "hybrid", "employmentType": "contract",
         "pay": {"minimum": {"minorUnits": 55000, "currency": "GBP", "unit": "day"},
                 "maximum": {"minorUnits": 70000, "currency": "GBP", "unit": "day"}},
         "requiredSkills": [{"skillID": \(kubernetes.id), "minimumLevel": 4, "importance": "must", "weight": 8}],
         "seniority": "senior", "durationWeeks": 26}
        """, extra)
    }

    /// Adds or replaces the top-level fields of `extra` in `base`, so a test never sends a key twice.
    static func merge(_ base: String, _ extra: String) -> String {
        guard !extra.isEmpty else { return base }
        var object = (try? JSONSerialization.jsonObject(with: Data(base.utf8))) as? [String: Any] ?? [:]
        let additions = (try? JSONSerialization.jsonObject(with: Data(("{" + extra.dropFirst(2) + "}").utf8))) as? [String: Any]
        precondition(additions != nil, "test fragment is not JSON: \(extra)")
        object.merge(additions ?? [:]) { $1 }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}

/// What a test reads from a response.
struct APIResponse {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    var errorCode: String? { error["code"] as? String }
    var errorField: String? { error["field"] as? String }
}

struct APIClient: Sendable {
    let client: any TestClientProtocol
    let token: String

    func request(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String?? = .none,
                 headers extra: HTTPFields = [:]) async throws -> APIResponse {
        var headers = extra
        switch token {
        case .none: headers[.authorization] = "Bearer \(self.token)"
        case .some(.some(let given)): headers[.authorization] = "Bearer \(given)"
        case .some(.none): break
        }
        if json != nil && headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers,
                                                       body: json.map { ByteBuffer(string: $0) })
        return APIResponse(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    func get(_ uri: String, token: String?? = .none) async throws -> APIResponse {
        try await request(.get, uri, token: token)
    }

    func post(_ uri: String, _ json: String, token: String?? = .none) async throws -> APIResponse {
        try await request(.post, uri, json: json, token: token)
    }
}

/// Collects every log line so tests can check what reaches the log.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    var logger: Logger {
        Logger(label: "test") { _ in CaptureHandler(capture: self) }
    }

    struct CaptureHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
        }
    }
}

extension APIClient {
    /// Creates a resource and returns its id, recording an issue when it is not created.
    func createID(_ path: String, _ json: String) async throws -> Int {
        let created = try await post(path, json)
        #expect(created.status == .created, "\(path): \(created.text)")
        return try #require(created.json["id"] as? Int)
    }
}
