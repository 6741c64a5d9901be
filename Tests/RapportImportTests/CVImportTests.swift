import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportSQLite
import Testing

/// CVs written for these tests (a fictional person): the same CV as Markdown, as a Word document, and printed to PDF
/// by Chromium; and a Word document whose text inflates to 64 MiB.
enum CVFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cv")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(name)) }
}

@Suite("CV files: text out of PDF, Word and text, and a draft person from it")
struct CVImportTests {
    @Test("the same CV as Markdown, Word and PDF gives the same draft: contact points, jobs with months, course, skills with evidence",
          arguments: ["ana-lima.md", "ana-lima.docx", "ana-lima.pdf"])
    func draft(name: String) async throws {
        let firm = try await ImportFirm()
        let cv = try await CVFile.read(try CVFixtures.data(name))
        #expect(cv.kind == (name.hasSuffix(".pdf") ? .pdf : name.hasSuffix(".docx") ? .docx : .text))
        let taxonomy = try await Taxonomy.current(in: firm.store)
        let draft = CVDraft(text: cv.text, extractor: SkillExtractor(taxonomy: taxonomy), taxonomy: taxonomy)
        #expect(draft.name == "Ana Lima" && draft.headline == "Senior Platform Engineer", "\(cv.text)")
        #expect(draft.email == "ana.lima@example.com" && draft.phone == "+44 7700 900123")
        #expect(draft.links == ["https://github.com/analima-example"])
        #expect(draft.city == "London" && draft.country == "GB", "the contact line's \"London, UK\"")
        #expect(draft.work == [
            CVDraft.Entry(organisation: "Fjord Analytics", title: "Senior Platform Engineer", start: "2021-03", end: "",
                          highlights: ["Moved 40 services to Kubernetes on AWS with Terraform", "Cut build times in half with GitHub Actions"]),
            CVDraft.Entry(organisation: "Initech Ltd", title: "Engineer", start: "2017-01", end: "2021-02",
                          highlights: ["Built reporting in Python and PostgreSQL"]),
        ], "\(draft.work)")
        #expect(draft.education == [CVDraft.Entry(organisation: "University of Leeds", title: "BSc Computer Science", start: "2013", end: "2016")])
        #expect(Set(draft.skills).isSuperset(of: ["Kubernetes", "Terraform", "AWS", "Python", "PostgreSQL", "GitHub Actions"]))
        #expect(draft.evidence.contains(CVDraft.FoundSkill(name: "Kubernetes", evidence: "Kubernetes")))
    }

    @Test("a corrected draft is saved as an imported résumé: the person with career and skills, and the CV named as the source")
    func save() async throws {
        let firm = try await ImportFirm()
        let taxonomy = try await Taxonomy.current(in: firm.store)
        var draft = CVDraft(text: try await CVFile.read(try CVFixtures.data("ana-lima.md")).text, extractor: SkillExtractor(taxonomy: taxonomy),
                            taxonomy: taxonomy)
        draft.city = ""
        draft.country = ""
        let refused = try await firm.importer.importDraft(draft, fileName: "ana-lima.md", options: ImportOptions())
        #expect(!refused.committed && refused.records[0].issues.contains { $0.field == "/basics/location/countryCode" && $0.severity == "error" })
        draft.city = "London"
        draft.country = "United Kingdom"
        let report = try await firm.importer.importDraft(draft, fileName: "ana-lima.md", options: ImportOptions())
        #expect(report.format == "cv" && report.count(.created) == 1, "\(report.text)")
        let id = CandidateID(try #require(report.records[0].candidateID))
        let profile = try await firm.store.candidate(id).profile
        #expect(profile.name == "Ana Lima" && profile.location == Location(city: "London", country: "GB") && profile.timeZone == "Europe/London")
        #expect(profile.work.map(\.employer) == ["Fjord Analytics", "Initech Ltd"] && profile.work[0].end == nil)
        #expect(profile.education.first?.institution == "University of Leeds")
        #expect(try await firm.store.importHistory(candidate: id).map(\.fileName) == ["ana-lima.md"])
    }

    @Test("what is no CV, or would harm, is refused with a reason: empty, too big, old Word, binary, a zip bomb, a scan, a PDF that never ends")
    func refusals() async throws {
        func reason(_ data: Data, pdf: PDFText = PDFText()) async -> String? {
            do {
                _ = try await CVFile.read(data, pdfText: pdf)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(await reason(Data())?.contains("is empty") == true)
        #expect(await reason(Data(count: CVFile.maximumBytes + 1))?.contains("at most 10 MiB") == true)
        #expect(await reason(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))?.contains("old Word document") == true)
        #expect(await reason(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]))?.contains("neither a PDF") == true)
        #expect(try await reason(CVFixtures.data("bomb.docx"))?.contains("zip bomb") == true)
        #expect(await reason(Data("PK\u{03}\u{04}broken".utf8))?.contains("damaged") == true)
        // Found by the fuzz target: an entry whose offset lies past the end stopped the process when read from memory.
        let damaged = try await reason(CVFixtures.data("damaged-offset.docx"))
        #expect(damaged?.contains("Word document") == true, "\(damaged ?? "read")")
        #expect(await reason(Data("%PDF-1.4\nnot really a pdf".utf8))?.contains("cannot read") == true)
        #expect(await reason(Data("%PDF-1.4".utf8), pdf: PDFText(executable: nil))?.contains("apt-get install poppler-utils") == true)
        // A stand-in for pdftotext that does not finish for ten minutes. The bound is loose: when other suites hold
        // the test runner's threads, the one-second timeout is only seen late, but never ten minutes late.
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("never-ends-\(UUID().uuidString).sh")
        try "#!/bin/sh\nexec sleep 600\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let started = ContinuousClock.now
        #expect(await reason(Data("%PDF-1.4".utf8), pdf: PDFText(executable: script.path, timeout: .seconds(1)))?.contains("was stopped") == true)
        #expect(ContinuousClock.now - started < .seconds(120))
    }
}
