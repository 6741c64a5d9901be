import Foundation
import HTTPTypes
import RapportCore
import RapportSQLite
import Testing

/// The CV written for the import tests, as Markdown and as a Chromium-printed PDF.
private func cv(_ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../RapportImportTests/Fixtures/cv/\(name)"))
}

@Suite("Pages: a new person from their CV")
struct CVPagesTests {
    @Test("upload a PDF, correct the draft, save: the person is created, the CV is kept with them and served only as a download")
    func uploadReviewSave() async throws {
        let firm = try await FirstHourFirm()
        try await firm.run { web in
            let start = try await web.get("/candidates/from-cv")
            #expect(start.status == .ok && start.text.contains("enctype=\"multipart/form-data\""))
            let csrf = try #require(WebClient.csrf(start))
            let review = try await web.upload("/candidates/from-cv", fields: ["csrf": csrf], file: ("cv", "Ana Lima CV.pdf", try cv("ana-lima.pdf")))
            #expect(review.status == .ok, "\(review.text)")
            #expect(review.text.contains("value=\"Ana Lima\"") && review.text.contains("value=\"ana.lima@example.com\""))
            #expect(review.text.contains("value=\"Fjord Analytics\"") && review.text.contains("value=\"2021-03\""))
            #expect(review.text.contains("Kubernetes") && review.text.contains("id=\"city\" name=\"city\" value=\"London\""))
            let action = try #require(review.text.range(of: #"/candidates/from-cv/\d+"#, options: .regularExpression).map { String(review.text[$0]) })
            var form = ["csrf": csrf, "name": "Ana Lima", "email": "ana.lima@example.com", "headline": "Senior Platform Engineer",
                        "city": "", "country": "", "skills": "Kubernetes", "workCount": "2", "educationCount": "1",
                        "work.0.organisation": "Fjord Analytics", "work.0.title": "Senior Platform Engineer", "work.0.start": "2021-03",
                        "work.0.highlights": "Moved 40 services to Kubernetes"]
            // Without a country or a desk the draft cannot be saved: the form comes back with the reason, nothing stored.
            let refused = try await web.post(action, form: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Country: is missing"), "\(refused.text)")
            #expect(refused.text.contains("value=\"Fjord Analytics\""))
            form["city"] = "London"
            form["country"] = "United Kingdom"
            let saved = try await web.post(action, form: form)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location.hasPrefix("/candidates/") && location.hasSuffix("?fromCV=created"))
            let page = try await web.get(location)
            #expect(page.text.contains("Added from their CV"))
            #expect(page.text.contains("Fjord Analytics") && page.text.contains(">Ana Lima CV.pdf</a>"))
            #expect(page.text.contains("created from Ana Lima CV.pdf, record 1, by Rob Recruiter"))
            let href = try #require(page.text.range(of: #"/candidates/\d+/attachments/\d+"#, options: .regularExpression).map { String(page.text[$0]) })
            let download = try await web.get(href)
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"Ana Lima CV.pdf\"")
            #expect(download.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(download.text.hasPrefix("%PDF-"))
            let resume = try await web.get(location.replacingOccurrences(of: "?fromCV=created", with: "/resume.json"))
            #expect(resume.status == .ok && resume.text.contains("\"name\" : \"Fjord Analytics\""), "\(resume.text)")
            let list = try await web.get("/candidates?name=Ana+Lima")
            let csvHref = try #require(list.text.range(of: #"/candidates\.csv\?[^"]*"#, options: .regularExpression).map { String(list.text[$0]) })
            let csv = try await web.get(csvHref.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok && csv.text.contains("Ana Lima,ana.lima@example.com,,London,GB,UK"), "\(csv.text)")
            // Saving the same draft again goes to the person, never a second one.
            #expect(try await web.post(action, form: form).headers[.location] == location.replacingOccurrences(of: "?fromCV=created", with: ""))
            // The file is not reachable under another person.
            let other = href.replacingOccurrences(of: #"/candidates/\d+/"#, with: "/candidates/999999/", options: .regularExpression)
            #expect(try await web.get(other).status == .notFound)
        }
    }

    @Test("a CV of someone with the phone of a person held is saved as someone new only once the recruiter says so")
    func likelyDuplicate() async throws {
        let firm = try await FirstHourFirm()
        let held = try await firm.records.createCandidate(CandidateProfile(name: "Ana Lima", email: "ana@old-ats.example", phone: "+44 7700 900123",
                                                                           location: Location(city: "London", country: "GB"), timeZone: "Europe/London", region: .uk))
        try await firm.run { web in
            let csrf = try #require(WebClient.csrf(try await web.get("/candidates/from-cv")))
            let review = try await web.upload("/candidates/from-cv", fields: ["csrf": csrf], file: ("cv", "ana.md", try cv("ana-lima.md")))
            let action = try #require(review.text.range(of: #"/candidates/from-cv/\d+"#, options: .regularExpression).map { String(review.text[$0]) })
            var form = ["csrf": csrf, "name": "Ana Lima", "email": "ana.lima@example.com", "phone": "07700 900123", "city": "London",
                        "country": "GB", "skills": "Kubernetes", "workCount": "0", "educationCount": "0"]
            let asked = try await web.post(action, form: form)
            #expect(asked.status == .conflict)
            #expect(asked.text.contains("This may be someone already held"))
            #expect(asked.text.contains("<a href=\"/candidates/\(held.id)\" target=\"_blank\" rel=\"noopener\">Ana Lima</a>: the same phone number"),
                    "\(asked.text)")
            #expect(asked.text.contains("value=\"ana.lima@example.com\""), "the corrections are kept")
            #expect(try await firm.store.candidate(email: "ana.lima@example.com") == nil)
            form["someoneElse"] = "yes"
            let saved = try await web.post(action, form: form)
            #expect(saved.status == .seeOther)
            let created = try #require(try await firm.store.candidate(email: "ana.lima@example.com"))
            #expect(created.id != held.id)
        }
    }

    @Test("what is no CV is refused on the upload page with the reason, and nothing is kept")
    func refused() async throws {
        let firm = try await FirstHourFirm()
        try await firm.run { web in
            let csrf = try #require(WebClient.csrf(try await web.get("/candidates/from-cv")))
            let binary = try await web.upload("/candidates/from-cv", fields: ["csrf": csrf], file: ("cv", "photo.jpg", Data([0xFF, 0xD8, 0xFF, 0x00, 0x01])))
            #expect(binary.status == .unprocessableContent)
            #expect(binary.text.contains("photo.jpg is neither a PDF, a Word document (.docx) nor text."))
            let forged = try await web.upload("/candidates/from-cv", fields: ["csrf": "forged"], file: ("cv", "cv.md", try cv("ana-lima.md")))
            #expect(forged.status == .forbidden)
            #expect(try await firm.store.deleteUnattachedAttachments(before: Date.distantFuture) == 0)
        }
    }
}
