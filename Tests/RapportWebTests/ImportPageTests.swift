import Foundation
import HTTPTypes
import RapportCore
import RapportSQLite
import RapportWeb
import Testing

@Suite("Pages: importing a file, checked first, stored on confirming")
struct ImportPageTests {
    static let csv = "Full Name,Email,City,Country,Skills\nAna Lima,ana@example.com,Leeds,United Kingdom,Kubernetes\nBen Okoro,,London,GB,Java\n"

    @Test("admins only; a dry run reports each record and stores nothing; confirming stores exactly that file, once")
    func dryRunThenConfirm() async throws {
        let firm = try await FirstHourFirm()
        let admin = try await firm.store.createUser(UserDetails(email: "ada@rapport.test", name: "Ada Admin", role: .admin, region: .uk))
        try await firm.store.setPasswordHash(PasswordHasher(cost: 4).hash(WebAppTests.password), for: admin.id)
        let before = try await firm.store.candidates(after: nil, limit: 1_000).count
        try await firm.run { web in
            #expect(try await web.get("/imports").status == .forbidden)
            let today = try await web.get("/today")
            #expect(try await web.post("/sign-out", form: ["csrf": WebClient.csrf(today) ?? ""]).status == .seeOther)
            #expect(try await web.signIn("ada@rapport.test", WebAppTests.password).status == .seeOther)
            let start = try await web.get("/imports")
            #expect(start.status == .ok && start.text.contains("href=\"/imports\""))
            let csrf = try #require(WebClient.csrf(start))
            let file = (field: "file", name: "old-ats.csv", data: Data(Self.csv.utf8))

            let stopped = try await web.upload("/imports", fields: ["csrf": csrf, "format": ""], file: file)
            #expect(stopped.status == .ok)
            #expect(stopped.text.contains("1 record was refused") && !stopped.text.contains("Store them"), "\(stopped.text)")
            #expect(stopped.text.contains("error Email: is missing"))
            #expect(stopped.text.contains("Read as UTF-8 text, fields separated by commas."))

            let checked = try await web.upload("/imports", fields: ["csrf": csrf, "format": "csv", "commitValid": "1"], file: file)
            #expect(checked.text.contains("Nothing stored yet. Would be: 1 created, 0 updated, 0 unchanged, 1 rejected."), "\(checked.text)")
            #expect(try await firm.store.candidates(after: nil, limit: 1_000).count == before)
            let action = try #require(checked.text.range(of: #"/imports/[0-9a-f]{48}"#, options: .regularExpression).map { String(checked.text[$0]) })

            let stored = try await web.post(action, form: ["csrf": csrf])
            #expect(stored.status == .ok)
            #expect(stored.text.contains("Stored: 1 created"), "\(stored.text)")
            #expect(stored.text.range(of: #"<a href="/candidates/\d+">Ana Lima &lt;ana@example.com&gt;</a>"#, options: .regularExpression) != nil)
            #expect(try await firm.store.candidates(after: nil, limit: 1_000).count == before + 1)
            let again = try await web.post(action, form: ["csrf": csrf])
            #expect(again.status == .notFound && again.text.contains("no longer waiting"))
            #expect(try await firm.store.candidates(after: nil, limit: 1_000).count == before + 1)
            #expect(try await web.post(action, form: ["csrf": "forged"]).status == .forbidden)
        }
    }
}
