import Foundation
import HTTPTypes
import RapportCore
import RapportSQLite
import Testing

@Suite("Pages: two records of one person, compared and merged")
struct SamePersonPageTests {
    @Test("the candidate page links to the comparison; merging keeps what the recruiter picked and moves the other's files; the old link leads on")
    func compareAndMerge() async throws {
        let firm = try await FirstHourFirm()
        func person(_ name: String, _ email: String, phone: String) -> CandidateProfile {
            var profile = CandidateProfile(name: name, email: email, phone: phone, location: Location(city: "London", country: "GB"),
                                           timeZone: "Europe/London", region: .uk)
            profile.skills = [CandidateSkill(skillID: firm.kubernetes.id, level: 4, years: 5, lastUsed: 2026)]
            return profile
        }
        let kept = try await firm.records.createCandidate(person("Ana Lima", "ana@example.com", phone: "+44 7700 900123"))
        var old = person("Ana M. Lima", "ana.lima@old-ats.example", phone: "07700 900123")
        old.skills = [CandidateSkill(skillID: firm.java.id, level: 3, years: 2)]
        let absorbed = try await firm.records.createCandidate(old)
        _ = try await firm.store.saveAttachment(Data("Ana's CV".utf8), fileName: "ana-2019.txt", kind: .text, candidate: absorbed.id, by: nil,
                                                at: firm.clock.now)
        try await firm.run { web in
            let page = try await web.get("/candidates/\(kept.id)")
            #expect(page.text.contains("<a href=\"/candidates/\(kept.id)/same/\(absorbed.id)\">Compare and merge</a>"), "\(page.text)")
            let compare = try await web.get("/candidates/\(kept.id)/same/\(absorbed.id)")
            #expect(compare.status == .ok)
            #expect(compare.text.contains("They have the same phone number."))
            #expect(compare.text.contains("<input type=\"radio\" name=\"email\" value=\"absorbed\"> ana.lima@old-ats.example"), "\(compare.text)")
            #expect(compare.text.contains("<td colspan=\"2\">London, GB (UK desk)</td>"), "a field both agree on has nothing to pick")
            #expect(compare.text.contains("0 replies, 0 submissions, 1 file"))
            let csrf = try #require(WebClient.csrf(compare))
            let form = ["csrf": csrf, "keptVersion": "1", "absorbedVersion": "1", "name": "kept", "email": "absorbed"]
            // A forged form, a stale comparison and a record compared with itself change nothing.
            #expect(try await web.post("/candidates/\(kept.id)/same/\(absorbed.id)", form: form.merging(["csrf": "forged"]) { $1 }).status == .forbidden)
            let stale = try await web.post("/candidates/\(kept.id)/same/\(absorbed.id)", form: form.merging(["absorbedVersion": "0"]) { $1 })
            #expect(stale.status == .conflict && stale.text.contains("One of them changed while you were comparing"))
            #expect(stale.text.contains("value=\"absorbed\" checked"), "the sides picked are kept")
            #expect(try await web.get("/candidates/\(kept.id)/same/\(kept.id)").status == .notFound)
            #expect(try await firm.store.candidate(absorbed.id).id == absorbed.id)

            let merged = try await web.post("/candidates/\(kept.id)/same/\(absorbed.id)", form: form)
            #expect(merged.status == .seeOther)
            #expect(merged.headers[.location] == "/candidates/\(kept.id)?merged=\(absorbed.id)")
            let after = try await web.get("/candidates/\(kept.id)?merged=\(absorbed.id)")
            #expect(after.text.contains("Merged: what was held under candidate \(absorbed.id) is here now"))
            #expect(after.text.contains("<h1>Ana Lima</h1>") && after.text.contains("mailto:ana.lima@old-ats.example"))
            #expect(after.text.contains(">ana-2019.txt</a>") && after.text.contains("Java") && after.text.contains("Kubernetes"))
            #expect(!after.text.contains("Same person?"))
            let old = try await web.get("/candidates/\(absorbed.id)")
            #expect(old.status == .movedPermanently && old.headers[.location] == "/candidates/\(kept.id)")
            #expect(try await firm.store.candidate(email: "ana@example.com")?.id == kept.id)
        }
    }
}
