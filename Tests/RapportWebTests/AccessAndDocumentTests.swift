import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportWeb
import Testing

@Suite("API: access, health and the OpenAPI document")
struct AccessAndDocumentTests {
    @Test("health and readiness need no token")
    func health() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            #expect(try await client.get("/healthz", token: .some(nil)).status == .ok)
            #expect(try await client.get("/", token: .some(nil)).headers[.location] == "/sign-in")
            let ready = try await client.get("/readyz", token: .some(nil))
            #expect(ready.status == .ok)
            #expect(ready.json["status"] as? String == "ready")
        }
    }

    @Test("a missing or wrong token is a 401 with a JSON error", arguments: [String?.none, "rpt_wrong", "", String(repeating: "a", count: 5000)])
    func unauthorized(token: String?) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.get("/api/v1/candidates", token: .some(token))
            #expect(response.status == .unauthorized)
            #expect(response.errorCode == "unauthorized")
            #expect(response.headers[.wwwAuthenticate] != nil)
        }
    }

    @Test("a recruiter may not manage users or practices, but may manage candidates")
    func roles() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let user = #"{"email": "new@rapport.test", "name": "New", "role": "recruiter", "region": "US"}"#
            let forbidden = try await client.post("/api/v1/users", user, token: .some(api.recruiterToken))
            #expect(forbidden.status == .forbidden)
            #expect(try await client.post("/api/v1/practices", #"{"name": "Data"}"#, token: .some(api.recruiterToken)).status == .forbidden)
            #expect(try await client.post("/api/v1/candidates", api.candidateJSON(), token: .some(api.recruiterToken)).status == .created)
            #expect(try await client.post("/api/v1/users", user).status == .created)
        }
    }

    @Test("jobs, clients, practices and users answer the same CRUD set")
    func otherResources() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let job = try await client.post("/api/v1/jobs", api.jobJSON())
            #expect(job.status == .created)
            #expect(job.json["status"] as? String == "open")
            #expect(try await client.get("/api/v1/jobs?status=open&region=UK").json["total"] as? Int == 1)
            let patched = try await client.request(.patch, "/api/v1/jobs/1", json: #"{"version": 1, "status": "on_hold"}"#)
            #expect(patched.json["status"] as? String == "on_hold")
            let clientInUse = try await client.request(.delete, "/api/v1/clients/\(api.client.id)")
            #expect(clientInUse.status == .conflict)
            #expect(clientInUse.errorCode == "in_use")
            let newClient = try await client.post("/api/v1/clients", #"{"name": "Kiwi Telco", "industry": "telecoms", "region": "NZ"}"#)
            #expect(newClient.status == .created)
            #expect(try await client.post("/api/v1/clients", #"{"name": "kiwi telco", "industry": "x", "region": "NZ"}"#).status == .conflict)
            #expect(try await client.get("/api/v1/practices").json["total"] as? Int == 1)
            #expect(try await client.get("/api/v1/users?limit=1").json["nextCursor"] is String)
            #expect(try await client.get("/api/v1/skills").json["total"] as? Int == 2)
        }
    }

    @Test("admins add skills; bad or repeated names and aliases are refused by field")
    func skills() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let added = try await client.post("/api/v1/skills", #"{"name": " Go ", "aliases": ["golang"], "category": "language"}"#)
            #expect(added.status == .created)
            #expect(added.json["name"] as? String == "Go")
            let fetched = try await client.get("/api/v1/skills/\(try #require(added.json["id"] as? Int))")
            #expect(fetched.json["aliases"] as? [String] == ["golang"])
            let alias = try await client.post("/api/v1/skills", #"{"name": "Kube", "aliases": ["K8S"], "category": "devops"}"#)
            #expect(alias.status == .conflict)
            #expect(alias.errorField == "aliases[0]")
            let repeated = try await client.post("/api/v1/skills", #"{"name": "Rust", "aliases": ["rust"], "category": "language"}"#)
            #expect(repeated.status == .unprocessableContent)
            #expect(repeated.errorField == "aliases[0]")
            let empty = try await client.post("/api/v1/skills", #"{"name": "  ", "category": "language"}"#)
            #expect(empty.errorField == "name")
            let recruiter = try await client.post("/api/v1/skills", #"{"name": "Zig", "category": "language"}"#, token: .some(api.recruiterToken))
            #expect(recruiter.status == .forbidden)
            #expect(try await client.get("/api/v1/skills").json["total"] as? Int == 3)
        }
    }

    @Test("every route the router serves is described in the OpenAPI document")
    func documentCoversRoutes() async throws {
        let api = try await APIHarness()
        let routes = api.routes
        try await api.run { client in
            let response = try await client.get("/api/v1/openapi.json", token: .some(nil))
            #expect(response.status == .ok)
            #expect(response.json["openapi"] as? String == "3.1.0")
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            #expect(routes.count >= 30)
            for route in routes where !webPagePaths.contains(route.path) {
                let documented = paths[route.path]?[route.method] != nil
                #expect(documented, "\(route.method.uppercased()) \(route.path) is missing from the OpenAPI document")
            }
        }
    }

    @Test("a documented path asked with a method it does not take answers 405 naming the methods it does")
    func methodNotAllowed() async throws {
        let api = try await APIHarness()
        let routes = api.routes
        try await api.run { client in
            let paths = try #require(try await client.get("/api/v1/openapi.json").json["paths"] as? [String: [String: Any]])
            // A route the router serves on a documented path is documented, or the 405 would hide it.
            for route in routes where paths[route.path] != nil {
                #expect(paths[route.path]?[route.method] != nil, "\(route.method.uppercased()) \(route.path) would answer 405")
            }
            let trace = try await client.request(.trace, "/api/v1/skills")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.errorCode == "method_not_allowed")
            #expect(trace.headers[.allow] == "GET, POST")
            let delete = try await client.request(.delete, "/api/v1/candidates/1/merge")
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "POST")
            // A literal segment wins over a parameter, as in the router: /skills/normalize takes POST, /skills/{id} GET.
            let put = try await client.request(.put, "/api/v1/skills/normalize")
            #expect(put.status == .methodNotAllowed && put.headers[.allow] == "POST")
            let skill = try await client.request(.put, "/api/v1/skills/7")
            #expect(skill.status == .methodNotAllowed && skill.headers[.allow] == "GET")
            let health = try await client.request(.post, "/healthz", token: .some(nil))
            #expect(health.status == .methodNotAllowed && health.headers[.allow] == "GET")
            // An address nobody documents stays a 404, and a documented method still reaches its route.
            #expect(try await client.request(.trace, "/api/v1/nothing-here").status == .notFound)
            #expect(try await client.request(.post, "/api/v1/skills/normalize", json: #"{"texts": ["k8s"]}"#).status == .ok)
        }
    }

    @Test("the document lets optional members be null, as requests may send them, and cursors are numbers")
    func nullableOptionals() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let document = try await client.get("/api/v1/openapi.json").json
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            let company = try #require(schemas["Client"]?["properties"] as? [String: [String: Any]])
            #expect(company["website"]?["type"] as? [String] == ["string", "null"])
            #expect(company["name"]?["type"] as? String == "string")
            let candidate = try #require(schemas["Candidate"]?["properties"] as? [String: [String: Any]])
            #expect((candidate["contactPreferences"]?["anyOf"] as? [Any])?.count == 2)
            let cursor = try await client.get("/api/v1/candidates?cursor=abc")
            #expect(cursor.status == .unprocessableContent && cursor.errorField == "cursor")
            // An answer quoting a control character sent shows it as U+FFFD.
            let control = try await client.get("/api/v1/candidates?cursor=a%C2%84%07")
            let message = try #require((control.json["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("a\u{FFFD}\u{FFFD}") && !message.unicodeScalars.contains { $0.value == 0x84 || $0.value == 7 })
        }
    }

    @Test("an admin may not switch off their own user or give up their own admin role; another admin may")
    func selfLockOut() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let me = #""email": "admin@rapport.test", "name": "Ada Admin", "region": "UK", "version": 1"#
            for change in [#"{\#(me), "role": "admin", "active": false}"#, #"{\#(me), "role": "recruiter", "active": true}"#] {
                let refused = try await client.request(.put, "/api/v1/users/1", json: change)
                #expect(refused.status == .conflict && refused.errorCode == "in_use")
            }
            let patched = try await client.request(.patch, "/api/v1/users/1", json: #"{"version": 1, "active": false}"#)
            #expect(patched.status == .conflict)
            let renamed = try await client.request(.patch, "/api/v1/users/1", json: #"{"version": 1, "name": "Ada King"}"#)
            #expect(renamed.status == .ok)
            let other = try await client.request(.patch, "/api/v1/users/\(api.recruiter.id)", json: #"{"version": 1, "active": false}"#)
            #expect(other.status == .ok && other.json["active"] as? Bool == false)
        }
    }

    @Test("an unknown route is a JSON 404")
    func unknownRoute() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.get("/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
        }
    }

    @Test("logs never contain tokens or contact details")
    func logsStayClean() async throws {
        let api = try await APIHarness()
        let capture = LogCapture()
        try await api.run(logger: capture.logger) { client in
            _ = try await client.post("/api/v1/candidates", api.candidateJSON(email: "secret.person@example.com"))
            _ = try await client.get("/api/v1/candidates?name=Mere+Tane")
            _ = try await client.post("/api/v1/candidates", api.candidateJSON(email: "secret.person@example.com"))
            _ = try await client.get("/api/v1/candidates", token: .some("rpt_leaky_token_value"))
        }
        let log = capture.text
        #expect(log.contains("/api/v1/candidates"))
        #expect(!log.contains("secret.person"))
        #expect(!log.contains("Mere"))
        #expect(!log.contains(api.adminToken))
        #expect(!log.contains("rpt_leaky_token_value"))
    }
}
