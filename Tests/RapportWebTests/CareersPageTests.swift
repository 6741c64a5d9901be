import Foundation
import HTTPTypes
import RapportCore
import RapportFormats
import RapportSQLite
import Testing

@Suite("Pages: the public job board and its JSON-LD")
struct CareersPageTests {
    @Test("open jobs are public with JobPosting JSON-LD that never names the client; others are not found; the feed reads back")
    func board() async throws {
        let firm = try await FirstHourFirm()
        var held = firm.javaJob.details
        held.status = .onHold
        _ = try await firm.records.updateJob(firm.javaJob.id, expectedVersion: firm.javaJob.version, held)
        try await firm.run { web in
            let today = try await web.get("/today")
            #expect(try await web.post("/sign-out", form: ["csrf": WebClient.csrf(today) ?? ""]).status == .seeOther)

            let board = try await web.get("/careers")
            #expect(board.status == .ok && board.text.contains("Platform Engineer") && !board.text.contains("Java Developer"))
            #expect(!board.text.contains("Harbour Bank"))
            let page = try await web.get("/careers/jobs/\(firm.platformJob.id)")
            #expect(page.status == .ok)
            #expect(!page.text.contains("Harbour Bank"), "the client is not named")
            let start = try #require(page.text.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(page.text.range(of: "</script>", range: start.upperBound..<page.text.endIndex))
            let postings = try SchemaOrgJobPosting.postings(in: Data(page.text[start.upperBound..<end.lowerBound].utf8))
            let (posting, issues) = try SchemaOrgJobPosting.read(try #require(postings.first))
            #expect(issues.isEmpty, "\(issues)")
            #expect(posting.title == "Platform Engineer" && posting.organization == "Rapport Talent" && posting.industry == "fintech")
            #expect(posting.datePosted != nil && posting.description?.isEmpty == false && posting.locations.first?.country == "GB")
            #expect(posting.employment == [.contractor])
            #expect(posting.salary == .stated(.init(minimum: 550, maximum: 700, currency: "GBP", dollar: false, period: .day)))
            #expect(try await web.get("/careers/jobs/\(firm.javaJob.id)").status == .notFound, "a job on hold is not public")
            #expect(try await web.get("/careers/jobs/999999").status == .notFound)

            let feed = try await web.get("/careers/jobs.jsonld")
            #expect(feed.status == .ok && feed.headers[.contentType] == "application/ld+json")
            #expect(try SchemaOrgJobPosting.postings(in: Data(feed.text.utf8)).count == 1)
        }
    }
}
