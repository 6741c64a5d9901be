import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportOutreach
import RapportSQLite
import RapportWeb
import Testing

/// Issue 12's defects, driven in headless Chromium against the real server (`scripts/browser/first_hour.py`): search with
/// several skills, the recruiter's own words through preview and send, the pipeline in the gate, and a failed form.
@Suite("The first hour, in headless Chromium")
struct BrowserFirstHourTests {
    struct Report: Decodable {
        var errors: [String]
        var console: [String]
        var skillSuggestions: [String]?
        var twoSkillsCount: String?
        var twoSkillsNames: [String]?
        var filters: [String]?
        var partialSkill: String?
        var previewNote: String?
        var previewHidden: String?
        var previewMessage: String?
        var sent: String?
        var openings: String?
        var pitchLinks: [String]?
        var interviewDecision: String?
        var interviewReasons: String?
        var interviewSendDisabled: Bool?
        var discoveryProblem: String?
        var discoveryRoles: String?
        var discoveryCadence: String?
        var discoveryNavigation: Int?
    }

    @Test("two skills find who has both, own words survive preview and send, a job at interview is never offered as a pitch, and a failed form comes back filled in")
    func firstHour() async throws {
        // setup
        let firm = try await FirstHourFirm()
        _ = try await firm.candidate("Both Skills", skills: [firm.java, firm.kubernetes])
        _ = try await firm.candidate("Java Only", skills: [firm.java])
        _ = try await firm.candidate("Kube Only", skills: [firm.kubernetes])
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let sre = try await firm.addJob("SRE", skills: [firm.kubernetes])
        try await firm.walk(mere, firm.platformJob, [.presented, .candidateInterested, .submitted, .interview])
        let note = OwnWordsTests.note.replacingOccurrences(of: "\r\n", with: "\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-first-hour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let noteFile = folder.appendingPathComponent("note.txt")
        try Data(note.utf8).write(to: noteFile)
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let shots = BrowserTests.repository.appendingPathComponent("test-artifacts/browser").path

        // MUT
        let report: Report = try await app.test(.live) { client in
            try await BrowserTests.runPython("first_hour.py", [
                "http://127.0.0.1:\(client.port ?? 0)", "rob@rapport.test", WebAppTests.password, shots, String(mere.id.rawValue),
                String(sre.id.rawValue), String(firm.platformJob.id.rawValue), noteFile.path,
            ])
        }

        // validate
        #expect(report.errors.isEmpty, "\(report.errors.joined(separator: "\n"))")
        #expect(report.console.isEmpty, "browser console errors: \(report.console)")
        // Item 4
        #expect(report.skillSuggestions?.contains("Java") == true && report.skillSuggestions?.contains("JavaScript") == true)
        #expect(report.twoSkillsCount == "1 found")
        #expect(report.twoSkillsNames == ["Both Skills"])
        #expect(report.filters?.map { $0.replacingOccurrences(of: " ×", with: "") } == ["skill: Java", "skill: Kubernetes", "region: UK"])
        #expect(report.partialSkill?.contains("did you mean Java, JavaScript") == true, "\(report.partialSkill ?? "")")
        // Item 5
        #expect(report.previewNote == note)
        #expect(report.previewHidden == note)
        #expect(report.previewMessage?.contains("C++ & Rust, 100% remote +1") == true)
        #expect(report.sent?.hasPrefix("Queued") == true)
        let sent = try #require(try await firm.store.outreach(candidate: mere.id, limit: 5).first { $0.kind == .opportunity })
        #expect(sent.content.text.replacingOccurrences(of: "\r\n", with: "\n").contains(note))
        // Item 1
        #expect(report.openings?.contains("SRE at Harbour Bank") == true)
        #expect(report.openings?.contains("Platform Engineer at Harbour Bank: already put to them: interview since") == true)
        #expect(report.pitchLinks?.allSatisfy { !$0.hasSuffix("job=\(firm.platformJob.id)") } == true)
        #expect(report.interviewDecision == "The gate says: blocked")
        #expect(report.interviewReasons?.contains("already put to them: interview since") == true)
        #expect(report.interviewSendDisabled == true)
        // Item 18
        #expect(report.discoveryProblem == "What you learnt: must not be empty")
        #expect(report.discoveryRoles == "Platform Lead, SRE")
        #expect(report.discoveryCadence == "30")
        #expect(report.discoveryNavigation == 1)
        for page in ["search-two-skills", "compose-own-words", "candidate-pipeline-state", "compose-in-pipeline", "discovery-failed"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(page).png"), "no screenshot of \(page)")
        }
    }
}
