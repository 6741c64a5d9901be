import ArgumentParser
import Foundation
import RapportCore
import RapportDemo
import RapportOutreach
import RapportSQLite

struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a month of outreach on the demo firm and report whether the contact policy held.",
        discussion: """
            Works on a copy of the database; the file given with --db is not changed. About a third of the recruiters \
            behave like commodity recruiters and try to pitch every open job in their practice to everyone in it; the \
            others pitch what fits and start discovery conversations, and some of them often forget to answer. Every \
            message goes through the real contact policy, outbox and delivery service on a simulated clock; candidates \
            reply at realistic rates as raw e-mail through the inbound path; recruiters answer or forget; overdue \
            obligations escalate. The report: job pitches per candidate per week delivered against attempted, pitches \
            below the fit threshold without an override, pitches attempted and delivered in quiet hours, replies \
            answered within the SLA, overdue obligations and escalations. Exits with status 1 when a rule was broken.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Days to simulate, 1 to 120.")
    var days = 30

    @Option(help: "Seed for recruiters' and candidates' choices.")
    var seed: UInt64 = 7

    @Option(help: "The firm's fit threshold, 0 to 100.")
    var threshold = 60

    @Option(help: ArgumentHelp("Keep the simulated database at this path (must not exist) for inspection.", valueName: "path"))
    var keep: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard (1...120).contains(days) else { throw ValidationError("--days must be from 1 to 120 (got \(days))") }
        guard (0...100).contains(threshold) else { throw ValidationError("--threshold must be from 0 to 100 (got \(threshold))") }
        if let keep, FileManager.default.fileExists(atPath: keep) { throw ValidationError("--keep \(keep) already exists") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: database.db) else {
            throw CLIError("\(database.db) does not exist; create the demo firm with `rapport demo --db \(database.db)`")
        }
        let copy = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("rapport-simulate-\(UUID().uuidString).sqlite").path
        try await database.open().copy(to: copy)
        defer {
            if keep == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
            }
        }
        let store = try SQLiteStore(path: copy)
        let start = SimulationOptions.monday(onOrBefore: Date())
        let simulation = OutreachSimulation(
            store: store, options: SimulationOptions(days: days, seed: seed, start: start), settings: OutreachSettings(threshold: threshold))
        let began = ContinuousClock.now
        let report = try await simulation.run { line in
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        let elapsed = ContinuousClock.now - began
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            // The report's fields, plus the rules it found broken (empty when the policy held).
            var object = try JSONSerialization.jsonObject(with: try encoder.encode(report)) as? [String: Any] ?? [:]
            object["violations"] = report.violations
            object["seconds"] = Double(elapsed.components.seconds)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(SimulationText.render(report, threshold: threshold, seconds: Double(elapsed.components.seconds)))
        }
        if keep != nil { FileHandle.standardError.write(Data("The simulated database is at \(copy).\n".utf8)) }
        if !report.violations.isEmpty { throw ExitCode(1) }
    }
}

/// The report as a person reads it.
enum SimulationText {
    static func render(_ report: SimulationReport, threshold: Int, seconds: Double) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        let blocked = report.pitchesBlocked.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let intents = report.repliesByIntent.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let attempted = report.attemptedPerCandidateWeek
        let delivered = report.deliveredPerCandidateWeek
        var lines = [
            "Simulated \(report.days) days from \(report.start.formatted(.iso8601.year().month().day())) (seed \(report.seed)) in \(Int(seconds)) s:",
            "\(report.recruiters) recruiters (\(report.commodityRecruiters) commodity, \(report.forgetfulRecruiters) forgetful), \(report.candidates) candidates.",
            "",
            "Job pitches per candidate per week (\(report.candidateWeeks) candidate-weeks with an attempt):",
            "  attempted  max \(attempted.max)  p95 \(attempted.p95)  mean \(attempted.mean)",
            "  delivered  max \(delivered.max)  p95 \(delivered.p95)  mean \(delivered.mean)",
            "  \(report.pitchesAttempted) attempted, \(report.pitchesDelivered) delivered; blocked: \(blocked.isEmpty ? "none" : blocked)",
            "  most pitches over a candidate's own 30-day limit: \(report.worstRolling30DayExcess) (must be 0)",
            "Relevance: delivered below the fit threshold of \(threshold) without an override: \(report.deliveredBelowThresholdWithoutOverride) (must be 0); overrides recorded: \(report.overrides)",
            "Quiet hours: \(report.attemptedDuringQuietHours) pitches attempted in a candidate's quiet hours (\(report.heldForQuietHours) held until morning); delivered in quiet hours: \(report.deliveredDuringQuietHours) (must be 0)",
            "Other messages delivered (discovery, answers): \(report.otherMessagesDelivered)",
            "Replies: \(report.replies) (\(intents.isEmpty ? "none" : intents)); unsubscribes honoured: \(report.unsubscribes)",
            "Follow-up obligations: \(report.obligations); answered within SLA \(report.answeredWithinSLA) (\(percent(report.withinSLAShare))), late \(report.answeredLate), still open \(report.stillOpen); overdue \(report.overdue); escalated \(report.escalations) (\(report.escalationEmails) e-mails to leads)",
        ]
        lines.append(report.violations.isEmpty ? "Policy held: every rule above is at 0." : "POLICY BROKEN: " + report.violations.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }
}
