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

    /// Which of the page's forms failed, with what was sent and what was wrong.
    struct Failed: Sendable {
        enum Form: Sendable {
            case addUser
            case addPractice
            case settings
        }

        static let labels = [
            "name": "Name", "email": "E-mail", "role": "Role", "region": "Region", "practiceIDs": "Practices", "password": "Password",
            "description": "What it covers", "threshold": "Fit threshold", "slaBusinessDays": "Business days to answer a reply",
            "redeploymentWeeks": "Weeks before an assignment ends that redeployment opens",
        ]

        var form: Form
        var fields: FormFields
        var problems: [String]

        init(_ form: Form, _ fields: FormFields, issues: [ValidationIssue]) {
            self.form = form
            self.fields = fields
            problems = FormFeedback(issues, labels: Self.labels).problems
        }
    }

    var layout: Layout
    var people: [Person]
    var teams: [Team]
    var roles: [Choice]
    var regions: [Choice]
    var practices: [Choice]
    var notice: String?
    var threshold: String
    var slaDays: String
    var redeploymentWeeks: String
    /// A failed form's problems, in words, shown at its top; the form comes back as it was sent.
    var addProblems: [String] = []
    var addName = ""
    var addEmail = ""
    var practiceProblems: [String] = []
    var practiceName = ""
    var practiceDescription = ""
    var settingsProblems: [String] = []

    static func load(
        notice: String?, failed: Failed? = nil, context: RapportRequestContext, outreach: OutreachService
    ) async throws -> AdminPage {
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
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: $0.phrase, selected: false) },
            regions: Region.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: false) },
            practices: practices.map { Choice(value: String($0.id.rawValue), label: $0.details.name, selected: false) }, notice: notice,
            threshold: String(outreach.settings.threshold), slaDays: String(outreach.settings.slaBusinessDays),
            redeploymentWeeks: String(outreach.settings.redeploymentWeeks)
        ).filled(with: failed)
    }

    /// The page with a failed form brought back as it was sent.
    private func filled(with failed: Failed?) -> AdminPage {
        guard let failed else { return self }
        var page = self
        let fields = failed.fields
        func choose(_ choices: [Choice], _ chosen: [String]) -> [Choice] {
            choices.map { Choice(value: $0.value, label: $0.label, selected: chosen.contains($0.value)) }
        }
        switch failed.form {
        case .addUser:
            page.addProblems = failed.problems
            page.addName = fields["name"] ?? ""
            page.addEmail = fields["email"] ?? ""
            page.roles = choose(roles, fields.all("role"))
            page.regions = choose(regions, fields.all("region"))
            page.practices = choose(practices, fields.all("practice"))
        case .addPractice:
            page.practiceProblems = failed.problems
            page.practiceName = fields["name"] ?? ""
            page.practiceDescription = fields["description"] ?? ""
        case .settings:
            page.settingsProblems = failed.problems
            page.threshold = fields["threshold"] ?? ""
            page.slaDays = fields["slaBusinessDays"] ?? ""
            page.redeploymentWeeks = fields["redeploymentWeeks"] ?? ""
        }
        return page
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
            return try await adminForm(.addUser, form, context: context) {
                guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw RapportError.invalid(field: "role", "choose a role") }
                guard let region = form["region"].flatMap(Region.init(rawValue:)) else {
                    throw RapportError.invalid(field: "region", "choose a region")
                }
                // Checked before the account exists, so a refused password leaves no account without one.
                let password = form["password"] ?? ""
                if !password.isEmpty, let problem = PasswordHasher.problem(password) { throw RapportError.invalid(field: "password", problem) }
                let details = UserDetails(email: (form["email"] ?? "").trimmingCharacters(in: .whitespaces), name: form["name"] ?? "",
                                          role: role, region: region,
                                          practiceIDs: form.all("practice").compactMap { Int64($0) }.map { PracticeID($0) })
                let user = try await outreach.records.createUser(details)
                if !password.isEmpty { try await outreach.records.store.setPasswordHash(signIn.hasher.hash(password), for: user.id) }
            }
        }
        pages.post("admin/practices") { request, context -> Response in
            try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            return try await adminForm(.addPractice, form, context: context) {
                _ = try await outreach.records.createPractice(PracticeDetails(name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces),
                                                                              description: form["description"] ?? ""))
            }
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
            return try await adminForm(.settings, form, context: context) {
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
            }
        }
        pages.post("admin/users/{id}/active") { request, context -> Response in
            let admin = try Self.admin(context)
            let form = try await Self.checkedForm(request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
            guard UserID(id) != admin.id else { throw RapportError.invalid(field: "active", "you cannot switch yourself off") }
            let user = try await outreach.records.store.user(UserID(id))
            var details = user.details
            details.active = form["active"] == "on"
            _ = try await outreach.records.updateUser(user.id, expectedVersion: Int(form["version"] ?? "") ?? 0, details, by: admin.id)
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

    /// Runs an admin form's change and goes back to the page; a refusal brings the page back with that form as it was sent
    /// and what was wrong, in words.
    private func adminForm(
        _ which: AdminPage.Failed.Form, _ form: FormFields, context: RapportRequestContext, change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
            return Response(status: .seeOther, headers: [.location: "/admin?saved=1"])
        } catch RapportError.invalid(let issues) {
            let page = try await AdminPage.load(notice: nil, failed: .init(which, form, issues: issues), context: context, outreach: outreach)
            return views.response(page, template: "admin", status: .unprocessableContent)
        } catch RapportError.duplicate(let field, let message) {
            let issues = [ValidationIssue(field: field, message: message)]
            let page = try await AdminPage.load(notice: nil, failed: .init(which, form, issues: issues), context: context, outreach: outreach)
            return views.response(page, template: "admin", status: .conflict)
        }
    }
}
