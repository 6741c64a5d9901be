import Foundation
import Hummingbird
import RapportCore
import RapportOutreach

/// Staff and practices, for admins only: add a person, switch them on or off, give them a password.
struct AdminPage: Sendable {
    struct Person: Sendable {
        var id: Int64
        var version: Int
        var name: String
        var email: String
        var role: String
        var region: String
        var practices: String
        var active: Bool
    }

    struct Team: Sendable {
        var id: Int64
        var version: Int
        var name: String
        var lead: String
        var members: String
        var candidates: [Choice]
    }

    struct Choice: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Option: Sendable {
        var value: String
        var label: String
    }

    var layout: Layout
    var people: [Person]
    var teams: [Team]
    var roles: [Option]
    var regions: [Option]
    var practices: [Option]
    var notice: String?
    var threshold: Int
    var slaDays: Int
    var redeploymentWeeks: Int

    static func load(notice: String?, context: RapportRequestContext, outreach: OutreachService) async throws -> AdminPage {
        let users = try await outreach.records.allUsers()
        let practices = try await outreach.records.allPractices()
        let names = Dictionary(uniqueKeysWithValues: practices.map { ($0.id, $0.details.name) })
        let userNames = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.details.name) })
        return AdminPage(
            layout: Layout(title: "Admin", context: context, section: "admin"),
            people: users.map {
                Person(id: $0.id.rawValue, version: $0.version, name: $0.details.name, email: $0.details.email,
                       role: $0.details.role.phrase, region: $0.details.region.rawValue,
                       practices: $0.details.practiceIDs.compactMap { names[$0] }.joined(separator: ", "), active: $0.details.active)
            },
            teams: practices.map { practice in
                let members = users.filter { $0.details.practiceIDs.contains(practice.id) && $0.details.active }
                return Team(id: practice.id.rawValue, version: practice.version, name: practice.details.name,
                            lead: practice.details.leadID.flatMap { userNames[$0] } ?? "no lead",
                            members: members.map(\.details.name).joined(separator: ", "),
                            candidates: members.map {
                                Choice(value: String($0.id.rawValue), label: $0.details.name, selected: $0.id == practice.details.leadID)
                            })
            },
            roles: Role.allCases.map { Option(value: $0.rawValue, label: $0.phrase) },
            regions: Region.allCases.map { Option(value: $0.rawValue, label: $0.rawValue) },
            practices: practices.map { Option(value: String($0.id.rawValue), label: $0.details.name) }, notice: notice,
            threshold: outreach.settings.threshold, slaDays: outreach.settings.slaBusinessDays, redeploymentWeeks: outreach.settings.redeploymentWeeks)
    }
}

extension WebRoutes {
    func registerAdmin(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("admin") { request, context -> Response in
            try Self.admin(context)
            let notice: String? = request.queryFields["saved"] != nil ? "Saved." : nil
            return views.response(try await AdminPage.load(notice: notice, context: context, outreach: outreach), template: "admin")
        }
        pages.post("admin/users") { request, context -> Response in
            try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw RapportError.invalid(field: "role", "choose a role") }
            guard let region = form["region"].flatMap(Region.init(rawValue:)) else { throw RapportError.invalid(field: "region", "choose a region") }
            let details = UserDetails(email: (form["email"] ?? "").trimmingCharacters(in: .whitespaces), name: form["name"] ?? "", role: role,
                                      region: region, practiceIDs: form.all("practice").compactMap { Int64($0) }.map { PracticeID($0) })
            let user = try await outreach.records.createUser(details)
            if let password = form["password"], !password.isEmpty {
                if let problem = PasswordHasher.problem(password) { throw RapportError.invalid(field: "password", problem) }
                try await outreach.records.store.setPasswordHash(signIn.hasher.hash(password), for: user.id)
            }
            return Response(status: .seeOther, headers: [.location: "/admin?saved=1"])
        }
        pages.post("admin/practices") { request, context -> Response in
            try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            _ = try await outreach.records.createPractice(PracticeDetails(name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces),
                                                                          description: form["description"] ?? ""))
            return Response(status: .seeOther, headers: [.location: "/admin?saved=1"])
        }
        pages.post("admin/practices/{id}/lead") { request, context -> Response in
            try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
            let practice = try await outreach.records.store.practice(PracticeID(id))
            var details = practice.details
            details.leadID = form["leadID"].flatMap { Int64($0) }.map { UserID($0) }
            _ = try await outreach.records.updatePractice(practice.id, expectedVersion: Int(form["version"] ?? "") ?? 0, details)
            return Response(status: .seeOther, headers: [.location: "/admin?saved=1"])
        }
        pages.post("admin/settings") { request, context -> Response in
            try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            var problems: [ValidationIssue] = []
            func number(_ field: String) -> Int {
                guard let value = form[field].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                    problems.append(ValidationIssue(field: field, message: "must be a whole number"))
                    return 0
                }
                return value
            }
            let settings = FirmSettings(threshold: number("threshold"), slaBusinessDays: number("slaBusinessDays"),
                                        redeploymentWeeks: number("redeploymentWeeks"))
            guard problems.isEmpty else { throw RapportError.invalid(problems) }
            try await outreach.change(settings)
            return Response(status: .seeOther, headers: [.location: "/admin?saved=1"])
        }
        pages.post("admin/users/{id}/active") { request, context -> Response in
            let admin = try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
            guard UserID(id) != admin.id else { throw RapportError.invalid(field: "active", "you cannot switch yourself off") }
            let user = try await outreach.records.store.user(UserID(id))
            var details = user.details
            details.active = form["active"] == "on"
            _ = try await outreach.records.updateUser(user.id, expectedVersion: Int(form["version"] ?? "") ?? 0, details)
            if !details.active { try await outreach.records.store.setPasswordHash(nil, for: user.id) }
            return Response(status: .seeOther, headers: [.location: "/admin?saved=1"])
        }
    }

    /// The signed-in admin; others get 403, strangers are sent to sign in.
    @discardableResult
    static func admin(_ context: RapportRequestContext) throws -> User {
        let user = try staff(context)
        guard user.details.role == .admin else { throw HTTPError(.forbidden) }
        return user
    }
}
